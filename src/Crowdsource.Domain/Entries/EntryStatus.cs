namespace Crowdsource.Domain.Entries;

public enum EntryStatus
{
    Submitted,
    ChangesRequested,
    Approved,
    Rejected,
    Withdrawn,
}
