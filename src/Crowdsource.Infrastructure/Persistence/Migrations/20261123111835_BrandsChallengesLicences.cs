using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Crowdsource.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BrandsChallengesLicences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "text", nullable: true),
                    SubjectType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Brands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LogoFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsVerified = table.Column<bool>(type: "boolean", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Brands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicenceVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AppliesTo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleFr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SummaryEn = table.Column<string>(type: "text", nullable: false),
                    SummaryFr = table.Column<string>(type: "text", nullable: false),
                    FullTextEn = table.Column<string>(type: "text", nullable: false),
                    FullTextFr = table.Column<string>(type: "text", nullable: false),
                    Media = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Territory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Duration = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TextSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenceVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BrandInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvitedByUserId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedByUserId = table.Column<string>(type: "text", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrandInvitations_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BrandMembers",
                columns: table => new
                {
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandMembers", x => new { x.BrandId, x.UserId });
                    table.ForeignKey(
                        name: "FK_BrandMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BrandMembers_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Brief = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Tags = table.Column<string[]>(type: "text[]", nullable: false),
                    LicenceVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InvitedEmails = table.Column<string[]>(type: "text[]", nullable: false),
                    MaximumEntriesPerCreative = table.Column<int>(type: "integer", nullable: false),
                    SubmissionOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmissionDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JudgingDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Criteria = table.Column<string>(type: "jsonb", nullable: true),
                    PrizeTiers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Challenges_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Challenges_LicenceVersions_LicenceVersionId",
                        column: x => x.LicenceVersionId,
                        principalTable: "LicenceVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "LicenceVersions",
                columns: new[] { "Id", "AppliesTo", "Duration", "FullTextEn", "FullTextFr", "Media", "PublishedAt", "Scope", "SummaryEn", "SummaryFr", "TemplateKey", "Territory", "TextSha256", "TitleEn", "TitleFr", "Version" },
                values: new object[,]
                {
                    { new Guid("0197a100-0000-7000-8000-000000000001"), "WinningEntriesOnly", "Full legal term", "1. Grant. When the prize awarded to the entry has been paid in full, the creative assigns to the brand, exclusively, the economic rights in the winning entry (reproduction, representation, adaptation, distribution), for all media known or unknown, worldwide, for the full legal term of protection. The moral rights of the creative remain theirs.\n2. Until then. Before the award is paid, and for every entry that does not win, the creative keeps every\nright in the entry. The brand may look at it, and show it to its judges and the platform's moderators,\nonly to judge the challenge; it may not copy, publish, adapt or use it in any other way.\n\n3. Originality. The creative declares that the entry is their own original work and that it does not\ninfringe anyone else's rights, or that they hold the rights needed to grant what this licence grants.\n\n4. Credit. Unless the creative asks otherwise in writing, the brand credits the creative by their\ndisplay name when it first publishes the winning entry.\n\n5. Record. The platform keeps the exact text of this licence (identified by its SHA-256), the time of\nacceptance and the fingerprints of the submitted files, and gives a receipt to both parties.", "1. Cession. Lorsque le prix attribué au projet a été intégralement payé, le créatif cède à la marque, à titre exclusif, les droits patrimoniaux sur le projet gagnant (reproduction, représentation, adaptation, distribution), pour tous supports connus ou inconnus, dans le monde entier, pour toute la durée légale de protection. Le droit moral du créatif lui reste acquis.\n2. D'ici là. Avant le paiement du prix, et pour tout projet qui ne gagne pas, le créatif conserve tous\nses droits sur le projet. La marque peut le consulter, et le montrer à son jury et aux modérateurs de la\nplateforme, uniquement pour juger le défi ; elle ne peut ni le copier, ni le publier, ni l'adapter, ni\nl'utiliser d'aucune autre manière.\n\n3. Originalité. Le créatif déclare que le projet est son œuvre originale et qu'il ne porte atteinte aux\ndroits de personne, ou qu'il détient les droits nécessaires pour accorder ce que cette licence accorde.\n\n4. Mention. Sauf demande écrite contraire du créatif, la marque le crédite sous son nom affiché lors de\nla première publication du projet gagnant.\n\n5. Preuve. La plateforme conserve le texte exact de cette licence (identifié par son SHA-256), l'heure de\nl'acceptation et les empreintes des fichiers soumis, et en remet un reçu aux deux parties.", "All media", new DateTimeOffset(new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "ExclusiveAssignment", "If your entry wins and the prize is paid, the brand becomes the sole owner of the economic rights in it, worldwide, for as long as the law allows, for every medium. Until then, and if you do not win, everything stays yours.", "Si votre projet gagne et que le prix est payé, la marque devient seule titulaire des droits patrimoniaux sur ce projet, dans le monde entier, pour toute la durée légale, sur tous supports. D'ici là, et si vous ne gagnez pas, tout reste à vous.", "exclusive-assignment-on-award", "Worldwide", "ac588826f3d32e65b2e274d00d008af7c5a64ec10cddc21c7671525e5a4c31a3", "Exclusive assignment on award", "Cession exclusive à l'attribution", 1 },
                    { new Guid("0197a100-0000-7000-8000-000000000002"), "WinningEntriesOnly", "5 years from payment", "1. Grant. When the prize awarded to the entry has been paid in full, the creative grants the brand a non-exclusive, non-transferable licence to reproduce, show and adapt the winning entry in its advertising, packaging and communication, on all media, worldwide, for five years from payment. The creative remains the owner of every right and may exploit the entry in any other way, including by licensing it to others.\n2. Until then. Before the award is paid, and for every entry that does not win, the creative keeps every\nright in the entry. The brand may look at it, and show it to its judges and the platform's moderators,\nonly to judge the challenge; it may not copy, publish, adapt or use it in any other way.\n\n3. Originality. The creative declares that the entry is their own original work and that it does not\ninfringe anyone else's rights, or that they hold the rights needed to grant what this licence grants.\n\n4. Credit. Unless the creative asks otherwise in writing, the brand credits the creative by their\ndisplay name when it first publishes the winning entry.\n\n5. Record. The platform keeps the exact text of this licence (identified by its SHA-256), the time of\nacceptance and the fingerprints of the submitted files, and gives a receipt to both parties.", "1. Licence. Lorsque le prix attribué au projet a été intégralement payé, le créatif accorde à la marque une licence non exclusive et non cessible pour reproduire, représenter et adapter le projet gagnant dans sa publicité, ses emballages et sa communication, sur tous supports, dans le monde entier, pendant cinq ans à compter du paiement. Le créatif reste titulaire de tous les droits et peut exploiter le projet de toute autre manière, y compris en le licenciant à d'autres.\n2. D'ici là. Avant le paiement du prix, et pour tout projet qui ne gagne pas, le créatif conserve tous\nses droits sur le projet. La marque peut le consulter, et le montrer à son jury et aux modérateurs de la\nplateforme, uniquement pour juger le défi ; elle ne peut ni le copier, ni le publier, ni l'adapter, ni\nl'utiliser d'aucune autre manière.\n\n3. Originalité. Le créatif déclare que le projet est son œuvre originale et qu'il ne porte atteinte aux\ndroits de personne, ou qu'il détient les droits nécessaires pour accorder ce que cette licence accorde.\n\n4. Mention. Sauf demande écrite contraire du créatif, la marque le crédite sous son nom affiché lors de\nla première publication du projet gagnant.\n\n5. Preuve. La plateforme conserve le texte exact de cette licence (identifié par son SHA-256), l'heure de\nl'acceptation et les empreintes des fichiers soumis, et en remet un reçu aux deux parties.", "Advertising, packaging and communication", new DateTimeOffset(new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "NonExclusiveLicence", "If your entry wins and the prize is paid, the brand may use it in its marketing, worldwide, for five years. You stay the owner and may use, show or license your work to others.", "Si votre projet gagne et que le prix est payé, la marque peut l'utiliser dans sa communication, dans le monde entier, pendant cinq ans. Vous restez propriétaire et pouvez utiliser, montrer ou licencier votre travail à d'autres.", "non-exclusive-licence-on-award", "Worldwide", "29cc7c7c2cc80b9e5f2ac7a0db7db6d9bdc585f3c7ea01629a99b7b3c19731f3", "Non-exclusive licence on award", "Licence non exclusive à l'attribution", 1 },
                    { new Guid("0197a100-0000-7000-8000-000000000003"), "WinningEntriesOnly", "Not applicable", "1. No transfer. Winning the challenge and receiving the prize transfer no right to the brand. The creative keeps every right in the entry. The brand may show the winning entry, with credit, on the challenge's results page and in its own news about the challenge; any other use requires a separate written agreement with the creative.\n2. Until then. Before the award is paid, and for every entry that does not win, the creative keeps every\nright in the entry. The brand may look at it, and show it to its judges and the platform's moderators,\nonly to judge the challenge; it may not copy, publish, adapt or use it in any other way.\n\n3. Originality. The creative declares that the entry is their own original work and that it does not\ninfringe anyone else's rights, or that they hold the rights needed to grant what this licence grants.\n\n4. Credit. Unless the creative asks otherwise in writing, the brand credits the creative by their\ndisplay name when it first publishes the winning entry.\n\n5. Record. The platform keeps the exact text of this licence (identified by its SHA-256), the time of\nacceptance and the fingerprints of the submitted files, and gives a receipt to both parties.", "1. Aucun transfert. Gagner le défi et recevoir le prix ne transfèrent aucun droit à la marque. Le créatif conserve tous les droits sur le projet. La marque peut montrer le projet gagnant, avec mention du créatif, sur la page de résultats du défi et dans ses propres actualités sur le défi ; toute autre utilisation demande un accord écrit séparé avec le créatif.\n2. D'ici là. Avant le paiement du prix, et pour tout projet qui ne gagne pas, le créatif conserve tous\nses droits sur le projet. La marque peut le consulter, et le montrer à son jury et aux modérateurs de la\nplateforme, uniquement pour juger le défi ; elle ne peut ni le copier, ni le publier, ni l'adapter, ni\nl'utiliser d'aucune autre manière.\n\n3. Originalité. Le créatif déclare que le projet est son œuvre originale et qu'il ne porte atteinte aux\ndroits de personne, ou qu'il détient les droits nécessaires pour accorder ce que cette licence accorde.\n\n4. Mention. Sauf demande écrite contraire du créatif, la marque le crédite sous son nom affiché lors de\nla première publication du projet gagnant.\n\n5. Preuve. La plateforme conserve le texte exact de cette licence (identifié par son SHA-256), l'heure de\nl'acceptation et les empreintes des fichiers soumis, et en remet un reçu aux deux parties.", "Results page and news about the challenge", new DateTimeOffset(new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "CreativeKeepsRights", "You keep every right in your entry, even if it wins. The prize rewards the idea; any use by the brand needs a separate agreement with you.", "Vous gardez tous les droits sur votre projet, même s'il gagne. Le prix récompense l'idée ; toute utilisation par la marque demande un accord séparé avec vous.", "creative-keeps-rights", "Worldwide", "a1ccfce0093cf2004e69c0f46114d5ef4727bf35a24d7f5315b83c5c595d4edc", "Creative keeps the rights", "Le créatif garde ses droits", 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "SubjectType", "SubjectId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandInvitations_BrandId_Email",
                table: "BrandInvitations",
                columns: new[] { "BrandId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandInvitations_TokenHash",
                table: "BrandInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrandMembers_UserId",
                table: "BrandMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Brands_Slug",
                table: "Brands",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_BrandId_Status",
                table: "Challenges",
                columns: new[] { "BrandId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_LicenceVersionId",
                table: "Challenges",
                column: "LicenceVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status_SubmissionDeadline",
                table: "Challenges",
                columns: new[] { "Status", "SubmissionDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceVersions_TemplateKey_Version",
                table: "LicenceVersions",
                columns: new[] { "TemplateKey", "Version" },
                unique: true);
        
            // The audit trail is append-only: the database itself refuses to change or delete a line.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEvents is append-only: % refused', TG_OP;
                END $$;
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_events_append_only ON "AuditEvents";
                DROP FUNCTION IF EXISTS audit_events_are_append_only();
                """);

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "BrandInvitations");

            migrationBuilder.DropTable(
                name: "BrandMembers");

            migrationBuilder.DropTable(
                name: "Challenges");

            migrationBuilder.DropTable(
                name: "Brands");

            migrationBuilder.DropTable(
                name: "LicenceVersions");
        }
    }
}
