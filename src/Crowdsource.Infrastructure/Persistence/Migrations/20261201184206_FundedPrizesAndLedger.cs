using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FundedPrizesAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "FundedAmount",
                table: "Challenges",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FundsReturnedAt",
                table: "Challenges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PendingTransferAmount",
                table: "Challenges",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PrizeFundedAt",
                table: "Challenges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PrizeTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Reference = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrizeTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrizeTransfers_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrizeTransfers_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Movement = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Reference = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PrizeTransferId = table.Column<Guid>(type: "uuid", nullable: true),
                    AwardId = table.Column<Guid>(type: "uuid", nullable: true),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_PrizeTransfers_PrizeTransferId",
                        column: x => x.PrizeTransferId,
                        principalTable: "PrizeTransfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AwardId",
                table: "LedgerEntries",
                column: "AwardId",
                unique: true,
                filter: "\"Movement\" = 'PrizePaid'");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_BrandId_Movement",
                table: "LedgerEntries",
                columns: new[] { "BrandId", "Movement" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ChallengeId_RecordedAt",
                table: "LedgerEntries",
                columns: new[] { "ChallengeId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_EntryId",
                table: "LedgerEntries",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OneReturnPerChallenge",
                table: "LedgerEntries",
                column: "ChallengeId",
                unique: true,
                filter: "\"Movement\" = 'FundsReturned'");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_PrizeTransferId",
                table: "LedgerEntries",
                column: "PrizeTransferId",
                unique: true,
                filter: "\"PrizeTransferId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrizeTransfers_BrandId",
                table: "PrizeTransfers",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_PrizeTransfers_ChallengeId_RecordedAt",
                table: "PrizeTransfers",
                columns: new[] { "ChallengeId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PrizeTransfers_OneAwaitingPerChallenge",
                table: "PrizeTransfers",
                column: "ChallengeId",
                unique: true,
                filter: "\"Status\" = 'AwaitingConfirmation'");

            // The ledger is the record of money: the database itself refuses to change or delete a line. The shared
            // function tested a column of LicenceAcceptances on every table, so a change to any other record failed on
            // the missing column instead of with its own refusal: the exception is now tested for that table only.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION refuse_changes_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'LicenceAcceptances' THEN
                        IF NEW."IpAddress" IS NULL AND NEW."UserAgent" IS NULL
                           AND (to_jsonb(NEW) - 'IpAddress' - 'UserAgent') = (to_jsonb(OLD) - 'IpAddress' - 'UserAgent') THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'rows of % are records: they are never changed or deleted', TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER ledger_entries_are_records BEFORE UPDATE OR DELETE ON "LedgerEntries"
                    FOR EACH ROW EXECUTE FUNCTION refuse_changes_to_records();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS ledger_entries_are_records ON "LedgerEntries";""");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "PrizeTransfers");

            migrationBuilder.DropColumn(
                name: "FundedAmount",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "FundsReturnedAt",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "PendingTransferAmount",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "PrizeFundedAt",
                table: "Challenges");
        }
    }
}
