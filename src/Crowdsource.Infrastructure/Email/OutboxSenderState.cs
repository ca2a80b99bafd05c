namespace Crowdsource.Infrastructure.Email;

/// <summary>
/// What the outbox's sender runs in this process share: the outcomes the database could not take when they happened
/// (recorded before anything else is sent, so a message that went is never sent again because its record was lost),
/// and whether the mail server was last found unavailable (to log the outage once, and its end).
/// </summary>
public sealed class OutboxSenderState
{
    private readonly Lock _lock = new();
    private readonly List<DeliveryOutcome> _unrecorded = [];

    internal bool ServerUnavailable { get; set; }

    internal bool HasUnrecorded
    {
        get
        {
            lock (_lock)
            {
                return _unrecorded.Count > 0;
            }
        }
    }

    internal void KeepUnrecorded(IEnumerable<DeliveryOutcome> outcomes)
    {
        lock (_lock)
        {
            _unrecorded.AddRange(outcomes);
        }
    }

    internal IReadOnlyList<DeliveryOutcome> TakeUnrecorded()
    {
        lock (_lock)
        {
            var taken = _unrecorded.ToList();
            _unrecorded.Clear();
            return taken;
        }
    }
}
