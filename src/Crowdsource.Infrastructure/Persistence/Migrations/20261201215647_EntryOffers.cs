using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EntryOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "LicenceAcceptanceId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "AwardId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "OfferId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OfferId",
                table: "LedgerEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AcceptsOffers",
                table: "Entries",
                type: "boolean",
                nullable: false,
                defaultValue: true); // entries accept offers unless their author turns them off

            migrationBuilder.CreateTable(
                name: "EntryOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreativeUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LicenceVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MadeByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MadeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedLicenceTextSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    AcceptedFromIpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcceptedWithUserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidByUserId = table.Column<string>(type: "text", nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntryOffers_AspNetUsers_CreativeUserId",
                        column: x => x.CreativeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntryOffers_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntryOffers_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntryOffers_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntryOffers_LicenceVersions_LicenceVersionId",
                        column: x => x.LicenceVersionId,
                        principalTable: "LicenceVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceGrants_OfferId",
                table: "LicenceGrants",
                column: "OfferId",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_LicenceGrants_OneSource",
                table: "LicenceGrants",
                sql: "(\"AwardId\" IS NOT NULL AND \"OfferId\" IS NULL AND \"LicenceAcceptanceId\" IS NOT NULL) OR (\"AwardId\" IS NULL AND \"OfferId\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OfferId",
                table: "LedgerEntries",
                column: "OfferId",
                unique: true,
                filter: "\"OfferId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_BrandId",
                table: "EntryOffers",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_ChallengeId_MadeAt",
                table: "EntryOffers",
                columns: new[] { "ChallengeId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_CreativeUserId_MadeAt",
                table: "EntryOffers",
                columns: new[] { "CreativeUserId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_LicenceVersionId",
                table: "EntryOffers",
                column: "LicenceVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_OneAcceptedPerEntry",
                table: "EntryOffers",
                column: "EntryId",
                unique: true,
                filter: "\"Status\" = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_OnePendingPerEntry",
                table: "EntryOffers",
                column: "EntryId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_EntryOffers_Status_PaidAt",
                table: "EntryOffers",
                columns: new[] { "Status", "PaidAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_LedgerEntries_EntryOffers_OfferId",
                table: "LedgerEntries",
                column: "OfferId",
                principalTable: "EntryOffers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LicenceGrants_EntryOffers_OfferId",
                table: "LicenceGrants",
                column: "OfferId",
                principalTable: "EntryOffers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LedgerEntries_EntryOffers_OfferId",
                table: "LedgerEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_LicenceGrants_EntryOffers_OfferId",
                table: "LicenceGrants");

            migrationBuilder.DropTable(
                name: "EntryOffers");

            migrationBuilder.DropIndex(
                name: "IX_LicenceGrants_OfferId",
                table: "LicenceGrants");

            migrationBuilder.DropCheckConstraint(
                name: "CK_LicenceGrants_OneSource",
                table: "LicenceGrants");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_OfferId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "OfferId",
                table: "LicenceGrants");

            migrationBuilder.DropColumn(
                name: "OfferId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "AcceptsOffers",
                table: "Entries");

            migrationBuilder.AlterColumn<Guid>(
                name: "LicenceAcceptanceId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AwardId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
