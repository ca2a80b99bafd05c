namespace Crowdsource.Domain.Licensing;

/// <summary>
/// The facts of the published licence versions (media, territory, duration), as stored in their records. Versions are
/// immutable records, so these exact words stay the keys that pages and documents translate for the reader.
/// </summary>
public static class LicenceFacts
{
    public const string AllMedia = "All media";
    public const string AdvertisingPackagingCommunication = "Advertising, packaging and communication";
    public const string ResultsPageAndNews = "Results page and news about the challenge";
    public const string Worldwide = "Worldwide";
    public const string FullLegalTerm = "Full legal term";
    public const string FiveYearsFromPayment = "5 years from payment";
    public const string NotApplicable = "Not applicable";
}
