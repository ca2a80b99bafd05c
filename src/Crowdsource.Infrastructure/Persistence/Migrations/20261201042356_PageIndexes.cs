using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_ChallengeId_CreativeUserId",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_Status_SubmittedAt",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_BrandId_Status",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_ChallengeId_CreativeUserId_SubmittedAt",
                table: "Entries",
                columns: new[] { "ChallengeId", "CreativeUserId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_ChallengeId_Status_SubmittedAt_Id",
                table: "Entries",
                columns: new[] { "ChallengeId", "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_CreativeUserId_SubmittedAt",
                table: "Entries",
                columns: new[] { "CreativeUserId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Status_SubmittedAt_Id",
                table: "Entries",
                columns: new[] { "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_BrandId_Status_UpdatedAt",
                table: "Challenges",
                columns: new[] { "BrandId", "Status", "UpdatedAt" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_BrandId_SubmissionOpensAt",
                table: "Challenges",
                columns: new[] { "BrandId", "SubmissionOpensAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_ChallengeId_CreativeUserId_SubmittedAt",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_ChallengeId_Status_SubmittedAt_Id",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_CreativeUserId_SubmittedAt",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_Status_SubmittedAt_Id",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_BrandId_Status_UpdatedAt",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_BrandId_SubmissionOpensAt",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_ChallengeId_CreativeUserId",
                table: "Entries",
                columns: new[] { "ChallengeId", "CreativeUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Status_SubmittedAt",
                table: "Entries",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_BrandId_Status",
                table: "Challenges",
                columns: new[] { "BrandId", "Status" });
        }
    }
}
