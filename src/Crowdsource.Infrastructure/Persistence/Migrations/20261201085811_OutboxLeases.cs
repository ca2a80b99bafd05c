using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LeaseToken",
                table: "OutgoingEmails",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeasedUntil",
                table: "OutgoingEmails",
                type: "timestamp with time zone",
                nullable: true);

            // "Failed" meant "refused too often, waiting for a person": it is called what it is now.
            migrationBuilder.Sql("""UPDATE "OutgoingEmails" SET "Status" = 'Parked' WHERE "Status" = 'Failed'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "OutgoingEmails" SET "Status" = 'Failed' WHERE "Status" = 'Parked'""");

            migrationBuilder.DropColumn(
                name: "LeaseToken",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "LeasedUntil",
                table: "OutgoingEmails");
        }
    }
}
