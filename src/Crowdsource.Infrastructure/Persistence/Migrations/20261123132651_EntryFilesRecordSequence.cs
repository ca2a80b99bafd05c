using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EntryFilesRecordSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EntryFilesRecords_EntryId",
                table: "EntryFilesRecords");

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "EntryFilesRecords",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_EntryFilesRecords_EntryId_Sequence",
                table: "EntryFilesRecords",
                columns: new[] { "EntryId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EntryFilesRecords_EntryId_Sequence",
                table: "EntryFilesRecords");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "EntryFilesRecords");

            migrationBuilder.CreateIndex(
                name: "IX_EntryFilesRecords_EntryId",
                table: "EntryFilesRecords",
                column: "EntryId");
        }
    }
}
