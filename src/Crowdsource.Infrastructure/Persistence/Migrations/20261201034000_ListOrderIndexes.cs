using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Indexes that read the public lists in their own order, so a page costs what it shows at any volume (not in the
    /// model, like <see cref="PublicListIndexes"/>: EF Core cannot describe partial indexes with included columns).
    /// By prize and by publication (the brand pages): the listed challenges with the columns every filter reads. The
    /// winners gallery: challenges by the date of their results. The invite-only challenges a signed-in viewer may
    /// find, and the scheduled challenges the clock opens.
    /// </summary>
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Challenges_ListedByPrize" ON "Challenges" ("TotalPrize" DESC, "Id")
                    INCLUDE ("Status", "Visibility", "PublishedAt", "BrandId", "Category", "SubmissionDeadline")
                    WHERE "Status" IN ('Scheduled', 'Open', 'Judging', 'WinnersAnnounced', 'Completed');
                CREATE INDEX "IX_Challenges_ListedByPublication" ON "Challenges" ("PublishedAt" DESC, "Id")
                    INCLUDE ("Status", "Visibility", "BrandId", "TotalPrize", "Category", "SubmissionDeadline")
                    WHERE "Status" IN ('Scheduled', 'Open', 'Judging', 'WinnersAnnounced', 'Completed');
                CREATE INDEX "IX_Challenges_ResultsAnnounced" ON "Challenges" ("ResultsAnnouncedAt" DESC, "Id")
                    INCLUDE ("Status", "Visibility")
                    WHERE "ResultsAnnouncedAt" IS NOT NULL;
                CREATE INDEX "IX_Challenges_InviteOnly" ON "Challenges" ("BrandId") WHERE "Visibility" = 'InviteOnly';
                CREATE INDEX "IX_Challenges_Scheduled" ON "Challenges" ("SubmissionOpensAt") WHERE "Status" = 'Scheduled';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Challenges_Scheduled";
                DROP INDEX "IX_Challenges_InviteOnly";
                DROP INDEX "IX_Challenges_ResultsAnnounced";
                DROP INDEX "IX_Challenges_ListedByPublication";
                DROP INDEX "IX_Challenges_ListedByPrize";
                """);
        }
    }
}
