using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChallengeSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "TotalPrize",
                table: "Challenges",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Challenges",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('french', coalesce(\"Title\", '')), 'A') ||\nsetweight(to_tsvector('english', coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('french', coalesce(\"Summary\", '')), 'B') ||\nsetweight(to_tsvector('english', coalesce(\"Brief\", '')), 'C') || setweight(to_tsvector('french', coalesce(\"Brief\", '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_SearchVector",
                table: "Challenges",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status_PublishedAt",
                table: "Challenges",
                columns: new[] { "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Challenges_SearchVector",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_Status_PublishedAt",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "TotalPrize",
                table: "Challenges");
        }
    }
}
