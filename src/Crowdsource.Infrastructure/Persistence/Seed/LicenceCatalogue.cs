using Crowdsource.Domain.Licensing;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// The three licence templates of product.md, version 1, shipped with the first migration. Texts never change:
/// a new wording is a new version (a new row), so every acceptance keeps pointing at the words it accepted.
/// </summary>
internal static class LicenceCatalogue
{
    public static readonly Guid ExclusiveAssignmentV1 = Guid.Parse("0197a100-0000-7000-8000-000000000001");
    public static readonly Guid NonExclusiveLicenceV1 = Guid.Parse("0197a100-0000-7000-8000-000000000002");
    public static readonly Guid CreativeKeepsRightsV1 = Guid.Parse("0197a100-0000-7000-8000-000000000003");

    private static readonly DateTimeOffset Published = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private const string CommonEn = """

        2. Until then. Before the award is paid, and for every entry that does not win, the creative keeps every
        right in the entry. The brand may look at it, and show it to its judges and the platform's moderators,
        only to judge the challenge; it may not copy, publish, adapt or use it in any other way.

        3. Originality. The creative declares that the entry is their own original work and that it does not
        infringe anyone else's rights, or that they hold the rights needed to grant what this licence grants.

        4. Credit. Unless the creative asks otherwise in writing, the brand credits the creative by their
        display name when it first publishes the winning entry.

        5. Record. The platform keeps the exact text of this licence (identified by its SHA-256), the time of
        acceptance and the fingerprints of the submitted files, and gives a receipt to both parties.
        """;

    private const string CommonFr = """

        2. D'ici là. Avant le paiement du prix, et pour tout projet qui ne gagne pas, le créatif conserve tous
        ses droits sur le projet. La marque peut le consulter, et le montrer à son jury et aux modérateurs de la
        plateforme, uniquement pour juger le défi ; elle ne peut ni le copier, ni le publier, ni l'adapter, ni
        l'utiliser d'aucune autre manière.

        3. Originalité. Le créatif déclare que le projet est son œuvre originale et qu'il ne porte atteinte aux
        droits de personne, ou qu'il détient les droits nécessaires pour accorder ce que cette licence accorde.

        4. Mention. Sauf demande écrite contraire du créatif, la marque le crédite sous son nom affiché lors de
        la première publication du projet gagnant.

        5. Preuve. La plateforme conserve le texte exact de cette licence (identifié par son SHA-256), l'heure de
        l'acceptation et les empreintes des fichiers soumis, et en remet un reçu aux deux parties.
        """;

    public static IReadOnlyList<LicenceVersion> InitialVersions { get; } =
    [
        LicenceVersion.Publish(
            ExclusiveAssignmentV1, "exclusive-assignment-on-award", 1, LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly,
            ("Exclusive assignment on award", "Cession exclusive à l'attribution"),
            ("If your entry wins and the prize is paid, the brand becomes the sole owner of the economic rights in it, worldwide, for as long as the law allows, for every medium. Until then, and if you do not win, everything stays yours.",
             "Si votre projet gagne et que le prix est payé, la marque devient seule titulaire des droits patrimoniaux sur ce projet, dans le monde entier, pour toute la durée légale, sur tous supports. D'ici là, et si vous ne gagnez pas, tout reste à vous."),
            ("1. Grant. When the prize awarded to the entry has been paid in full, the creative assigns to the brand, exclusively, the economic rights in the winning entry (reproduction, representation, adaptation, distribution), for all media known or unknown, worldwide, for the full legal term of protection. The moral rights of the creative remain theirs." + CommonEn,
             "1. Cession. Lorsque le prix attribué au projet a été intégralement payé, le créatif cède à la marque, à titre exclusif, les droits patrimoniaux sur le projet gagnant (reproduction, représentation, adaptation, distribution), pour tous supports connus ou inconnus, dans le monde entier, pour toute la durée légale de protection. Le droit moral du créatif lui reste acquis." + CommonFr),
            LicenceFacts.AllMedia, LicenceFacts.Worldwide, LicenceFacts.FullLegalTerm, Published),
        LicenceVersion.Publish(
            NonExclusiveLicenceV1, "non-exclusive-licence-on-award", 1, LicenceScope.NonExclusiveLicence, LicenceAppliesTo.WinningEntriesOnly,
            ("Non-exclusive licence on award", "Licence non exclusive à l'attribution"),
            ("If your entry wins and the prize is paid, the brand may use it in its marketing, worldwide, for five years. You stay the owner and may use, show or license your work to others.",
             "Si votre projet gagne et que le prix est payé, la marque peut l'utiliser dans sa communication, dans le monde entier, pendant cinq ans. Vous restez propriétaire et pouvez utiliser, montrer ou licencier votre travail à d'autres."),
            ("1. Grant. When the prize awarded to the entry has been paid in full, the creative grants the brand a non-exclusive, non-transferable licence to reproduce, show and adapt the winning entry in its advertising, packaging and communication, on all media, worldwide, for five years from payment. The creative remains the owner of every right and may exploit the entry in any other way, including by licensing it to others." + CommonEn,
             "1. Licence. Lorsque le prix attribué au projet a été intégralement payé, le créatif accorde à la marque une licence non exclusive et non cessible pour reproduire, représenter et adapter le projet gagnant dans sa publicité, ses emballages et sa communication, sur tous supports, dans le monde entier, pendant cinq ans à compter du paiement. Le créatif reste titulaire de tous les droits et peut exploiter le projet de toute autre manière, y compris en le licenciant à d'autres." + CommonFr),
            LicenceFacts.AdvertisingPackagingCommunication, LicenceFacts.Worldwide, LicenceFacts.FiveYearsFromPayment, Published),
        LicenceVersion.Publish(
            CreativeKeepsRightsV1, "creative-keeps-rights", 1, LicenceScope.CreativeKeepsRights, LicenceAppliesTo.WinningEntriesOnly,
            ("Creative keeps the rights", "Le créatif garde ses droits"),
            ("You keep every right in your entry, even if it wins. The prize rewards the idea; any use by the brand needs a separate agreement with you.",
             "Vous gardez tous les droits sur votre projet, même s'il gagne. Le prix récompense l'idée ; toute utilisation par la marque demande un accord séparé avec vous."),
            ("1. No transfer. Winning the challenge and receiving the prize transfer no right to the brand. The creative keeps every right in the entry. The brand may show the winning entry, with credit, on the challenge's results page and in its own news about the challenge; any other use requires a separate written agreement with the creative." + CommonEn,
             "1. Aucun transfert. Gagner le défi et recevoir le prix ne transfèrent aucun droit à la marque. Le créatif conserve tous les droits sur le projet. La marque peut montrer le projet gagnant, avec mention du créatif, sur la page de résultats du défi et dans ses propres actualités sur le défi ; toute autre utilisation demande un accord écrit séparé avec le créatif." + CommonFr),
            LicenceFacts.ResultsPageAndNews, LicenceFacts.Worldwide, LicenceFacts.NotApplicable, Published),
    ];
}
