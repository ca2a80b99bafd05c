using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChallengeCoverImage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CoverFileId",
                table: "Challenges",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CoverThumbnailFileId",
                table: "Challenges",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_CoverFileId",
                table: "Challenges",
                column: "CoverFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_CoverThumbnailFileId",
                table: "Challenges",
                column: "CoverThumbnailFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_Challenges_StoredFiles_CoverFileId",
                table: "Challenges",
                column: "CoverFileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Challenges_StoredFiles_CoverThumbnailFileId",
                table: "Challenges",
                column: "CoverThumbnailFileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Challenges_StoredFiles_CoverFileId",
                table: "Challenges");

            migrationBuilder.DropForeignKey(
                name: "FK_Challenges_StoredFiles_CoverThumbnailFileId",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_CoverFileId",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_CoverThumbnailFileId",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "CoverFileId",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "CoverThumbnailFileId",
                table: "Challenges");
        }
    }
}
