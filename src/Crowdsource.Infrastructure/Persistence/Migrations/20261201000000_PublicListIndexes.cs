using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Indexes for the public challenge list (not in the model: EF Core cannot describe an expression or partial
    /// index with included columns). The brands' names are searched through their own text index, and counting or
    /// filtering the listed challenges reads a narrow index instead of the wide rows (briefs, search vectors).
    /// </summary>
    public partial class PublicListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Brands_NameSearch" ON "Brands" USING GIN (to_tsvector('simple', "Name"));
                CREATE INDEX "IX_Challenges_Listed" ON "Challenges" ("SubmissionDeadline", "Id")
                    INCLUDE ("Status", "Visibility", "PublishedAt", "BrandId", "TotalPrize", "Category")
                    WHERE "Status" IN ('Scheduled', 'Open', 'Judging', 'WinnersAnnounced', 'Completed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Challenges_Listed";
                DROP INDEX "IX_Brands_NameSearch";
                """);
        }
    }
}
