namespace Crowdsource.Domain.Entries;

public readonly record struct EntryId(Guid Value)
{
    public static EntryId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    public override string ToString() => Value.ToString();
}
