using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            // Records stay records, with one exception the law requires: when a person deletes their account, the
            // IP address and browser of their licence acceptances are erased. Nothing else of the row may change.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION refuse_changes_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'LicenceAcceptances'
                       AND NEW."IpAddress" IS NULL AND NEW."UserAgent" IS NULL
                       AND (to_jsonb(NEW) - 'IpAddress' - 'UserAgent') = (to_jsonb(OLD) - 'IpAddress' - 'UserAgent') THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'rows of % are records: they are never changed or deleted', TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION refuse_changes_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'rows of % are records: they are never changed or deleted', TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "AspNetUsers");
        }
    }
}
