using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunnerUpRewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new column with a default: the published licence versions (records, refused any UPDATE) are not rewritten,
            // their fingerprints stay true, and none of them grants rights for a runner-up reward.
            migrationBuilder.AddColumn<bool>(
                name: "GrantsRightsForRunnerUps",
                table: "LicenceVersions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "AwardId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "RunnerUpRewardId",
                table: "LicenceGrants",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RunnerUpRewardId",
                table: "LedgerEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RunnerUpCount",
                table: "Challenges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "RunnerUpPool",
                table: "Challenges",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RunnerUpRewardsDecidedAt",
                table: "Challenges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RunnerUpRule",
                table: "Challenges",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "ShortlistedEntries"); // the enum's first name: existing challenges have no pool

            migrationBuilder.CreateTable(
                name: "RunnerUpRewards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Place = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidByUserId = table.Column<string>(type: "text", nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunnerUpRewards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunnerUpRewards_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RunnerUpRewards_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });




            migrationBuilder.CreateIndex(
                name: "IX_LicenceGrants_RunnerUpRewardId",
                table: "LicenceGrants",
                column: "RunnerUpRewardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_RunnerUpRewardId",
                table: "LedgerEntries",
                column: "RunnerUpRewardId",
                unique: true,
                filter: "\"Movement\" = 'RunnerUpPaid'");

            migrationBuilder.CreateIndex(
                name: "IX_RunnerUpRewards_ChallengeId_Place",
                table: "RunnerUpRewards",
                columns: new[] { "ChallengeId", "Place" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RunnerUpRewards_EntryId",
                table: "RunnerUpRewards",
                column: "EntryId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_LedgerEntries_RunnerUpRewards_RunnerUpRewardId",
                table: "LedgerEntries",
                column: "RunnerUpRewardId",
                principalTable: "RunnerUpRewards",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LicenceGrants_RunnerUpRewards_RunnerUpRewardId",
                table: "LicenceGrants",
                column: "RunnerUpRewardId",
                principalTable: "RunnerUpRewards",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LedgerEntries_RunnerUpRewards_RunnerUpRewardId",
                table: "LedgerEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_LicenceGrants_RunnerUpRewards_RunnerUpRewardId",
                table: "LicenceGrants");

            migrationBuilder.DropTable(
                name: "RunnerUpRewards");

            migrationBuilder.DropIndex(
                name: "IX_LicenceGrants_RunnerUpRewardId",
                table: "LicenceGrants");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_RunnerUpRewardId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "GrantsRightsForRunnerUps",
                table: "LicenceVersions");

            migrationBuilder.DropColumn(
                name: "RunnerUpRewardId",
                table: "LicenceGrants");

            migrationBuilder.DropColumn(
                name: "RunnerUpRewardId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "RunnerUpCount",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "RunnerUpPool",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "RunnerUpRewardsDecidedAt",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "RunnerUpRule",
                table: "Challenges");

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
