using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EntryFilePreviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ThumbnailFileId",
                table: "EntryFiles",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryFiles_ThumbnailFileId",
                table: "EntryFiles",
                column: "ThumbnailFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_EntryFiles_StoredFiles_ThumbnailFileId",
                table: "EntryFiles",
                column: "ThumbnailFileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EntryFiles_StoredFiles_ThumbnailFileId",
                table: "EntryFiles");

            migrationBuilder.DropIndex(
                name: "IX_EntryFiles_ThumbnailFileId",
                table: "EntryFiles");

            migrationBuilder.DropColumn(
                name: "ThumbnailFileId",
                table: "EntryFiles");
        }
    }
}
