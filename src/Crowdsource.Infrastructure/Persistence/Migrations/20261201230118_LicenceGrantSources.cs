using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LicenceGrantSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_LicenceGrants_OneSource",
                table: "LicenceGrants");

            migrationBuilder.AddCheckConstraint(
                name: "CK_LicenceGrants_OneSource",
                table: "LicenceGrants",
                sql: "num_nonnulls(\"AwardId\", \"RunnerUpRewardId\", \"OfferId\") = 1 AND (\"OfferId\" IS NOT NULL OR \"LicenceAcceptanceId\" IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_LicenceGrants_OneSource",
                table: "LicenceGrants");

            migrationBuilder.AddCheckConstraint(
                name: "CK_LicenceGrants_OneSource",
                table: "LicenceGrants",
                sql: "(\"AwardId\" IS NOT NULL AND \"OfferId\" IS NULL AND \"LicenceAcceptanceId\" IS NOT NULL) OR (\"AwardId\" IS NULL AND \"OfferId\" IS NOT NULL)");
        }
    }
}
