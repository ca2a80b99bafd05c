using Crowdsource.Application.Resources;
using Crowdsource.Domain.Licensing;

namespace Crowdsource.Application.Licensing;

/// <summary>
/// A licence's facts (media, territory, duration, which entries it covers) in the reader's language: the one place
/// that turns the words stored in a licence version into text, for every page, e-mail and document that shows them.
/// A fact a moderator wrote in other words is shown as written.
/// </summary>
public static class LicenceFactText
{
    private static readonly Dictionary<string, Func<string>> Known = new(StringComparer.Ordinal)
    {
        [LicenceFacts.AllMedia] = () => Messages.LicenceFactAllMedia,
        [LicenceFacts.AdvertisingPackagingCommunication] = () => Messages.LicenceFactAdvertisingPackagingCommunication,
        [LicenceFacts.ResultsPageAndNews] = () => Messages.LicenceFactResultsPageAndNews,
        [LicenceFacts.Worldwide] = () => Messages.LicenceFactWorldwide,
        [LicenceFacts.FullLegalTerm] = () => Messages.LicenceFactFullLegalTerm,
        [LicenceFacts.FiveYearsFromPayment] = () => Messages.LicenceFactFiveYearsFromPayment,
        [LicenceFacts.NotApplicable] = () => Messages.LicenceFactNotApplicable,
    };

    public static string Describe(string fact) => Known.TryGetValue(fact.Trim(), out var text) ? text() : fact;

    public static string Describe(LicenceAppliesTo appliesTo) => appliesTo switch
    {
        LicenceAppliesTo.WinningEntriesOnly => Messages.LicenceAppliesToWinningEntriesOnly,
        LicenceAppliesTo.AllEntries => Messages.LicenceAppliesToAllEntries,
        _ => throw new ArgumentOutOfRangeException(nameof(appliesTo), appliesTo, null),
    };
}
