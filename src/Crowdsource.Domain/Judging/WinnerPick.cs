using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>The brand's choice for one prize tier (rank 1 is the first prize).</summary>
public sealed record WinnerPick(int Rank, EntryId EntryId);
