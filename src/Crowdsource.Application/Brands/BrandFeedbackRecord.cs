namespace Crowdsource.Application.Brands;

/// <summary>
/// How often a brand actually gave feedback during its contests, computed from what happened (never typed in): over
/// its challenges whose results are out, the share of approved entries it rated before their challenge's deadline.
/// Part of the brand's <see cref="BrandFairnessRecord"/> (which computes it), read on the challenge page before entering.
/// </summary>
public static class BrandFeedbackRecord
{
    /// <summary>The record; <see cref="Share"/> is null when the challenges had no approved entry (or there were none).</summary>
    public sealed record Record(int Challenges, int ApprovedEntries, int RatedEntries)
    {
        public decimal? Share => ApprovedEntries == 0 ? null : (decimal)RatedEntries / ApprovedEntries;

        public bool HasHistory => Challenges > 0;
    }
}
