using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Entries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreativeUserId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entries_AspNetUsers_CreativeUserId",
                        column: x => x.CreativeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Entries_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EntryFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntryFiles_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntryFiles_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LicenceAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreativeUserId = table.Column<string>(type: "text", nullable: false),
                    LicenceVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenceTextSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    DeclaredOriginal = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenceAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenceAcceptances_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LicenceAcceptances_LicenceVersions_LicenceVersionId",
                        column: x => x.LicenceVersionId,
                        principalTable: "LicenceVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EntryFilesRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Files = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryFilesRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntryFilesRecords_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntryFilesRecords_LicenceAcceptances_AcceptanceId",
                        column: x => x.AcceptanceId,
                        principalTable: "LicenceAcceptances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_ChallengeId_CreativeUserId",
                table: "Entries",
                columns: new[] { "ChallengeId", "CreativeUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_CreativeUserId_SubmissionKey",
                table: "Entries",
                columns: new[] { "CreativeUserId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryFiles_EntryId",
                table: "EntryFiles",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryFiles_FileId",
                table: "EntryFiles",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryFiles_Sha256",
                table: "EntryFiles",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_EntryFilesRecords_AcceptanceId",
                table: "EntryFilesRecords",
                column: "AcceptanceId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryFilesRecords_EntryId",
                table: "EntryFilesRecords",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceAcceptances_EntryId",
                table: "LicenceAcceptances",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceAcceptances_LicenceVersionId",
                table: "LicenceAcceptances",
                column: "LicenceVersionId");

            // What a creative accepted, and which files it covered, can be proved years later only if nobody can
            // change it: the database itself refuses updates and deletes on these two tables.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_changes_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'rows of % are records: they are never changed or deleted', TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER licence_acceptances_are_records BEFORE UPDATE OR DELETE ON "LicenceAcceptances"
                    FOR EACH ROW EXECUTE FUNCTION refuse_changes_to_records();
                CREATE TRIGGER entry_files_records_are_records BEFORE UPDATE OR DELETE ON "EntryFilesRecords"
                    FOR EACH ROW EXECUTE FUNCTION refuse_changes_to_records();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS licence_acceptances_are_records ON "LicenceAcceptances";
                DROP TRIGGER IF EXISTS entry_files_records_are_records ON "EntryFilesRecords";
                DROP FUNCTION IF EXISTS refuse_changes_to_records();
                """);

            migrationBuilder.DropTable(
                name: "EntryFiles");

            migrationBuilder.DropTable(
                name: "EntryFilesRecords");

            migrationBuilder.DropTable(
                name: "LicenceAcceptances");

            migrationBuilder.DropTable(
                name: "Entries");
        }
    }
}
