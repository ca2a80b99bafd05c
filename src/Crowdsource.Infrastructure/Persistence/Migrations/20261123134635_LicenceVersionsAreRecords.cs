using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LicenceVersionsAreRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A published licence text is what creatives accepted, identified by its SHA-256: it is never changed or
            // removed. A new text is a new version (a new row).
            migrationBuilder.Sql("""
                CREATE TRIGGER licence_versions_are_records BEFORE UPDATE OR DELETE ON "LicenceVersions"
                    FOR EACH ROW EXECUTE FUNCTION refuse_changes_to_records();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS licence_versions_are_records ON "LicenceVersions";""");
        }
    }
}
