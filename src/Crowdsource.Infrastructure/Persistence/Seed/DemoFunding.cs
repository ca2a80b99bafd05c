using Crowdsource.Application.Auditing;
using Crowdsource.Domain.Auditing;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// Money in the demo, moved as the site moves it: the brand's owner records its transfer, an admin confirms it (a ledger
/// line); prizes paid are ledger lines too. Also used by tests that arrange published challenges directly.
/// </summary>
public static class DemoFunding
{
    /// <summary>The owner's transfer for the whole pool, recorded an hour before <paramref name="fundedAt"/> and confirmed then.</summary>
    public static void Fund(CrowdsourceDbContext db, Challenge challenge, string ownerId, string adminId, DateTimeOffset fundedAt)
    {
        var transfer = RecordTransfer(db, challenge, ownerId, fundedAt.AddHours(-1));
        var line = challenge.ConfirmPrizeTransfer(transfer, adminId, fundedAt);
        db.LedgerEntries.Add(line);
        db.AuditEvents.Add(AuditEvent.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.PrizeTransferConfirmed, AuditFacts.Write(
            (AuditFacts.Amount, line.Amount), (AuditFacts.Currency, line.Currency), (AuditFacts.Reference, line.Reference)), fundedAt));
    }

    /// <summary>The owner records a transfer for what the pool still misses; it waits for an admin.</summary>
    public static PrizeTransfer RecordTransfer(CrowdsourceDbContext db, Challenge challenge, string ownerId, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(challenge);
        var transfer = challenge.RecordPrizeTransfer($"SEPA-{challenge.Id.Value.ToString("N")[..10].ToUpperInvariant()}", ownerId, recordedAt);
        db.PrizeTransfers.Add(transfer);
        db.AuditEvents.Add(AuditEvent.Record(ownerId, Audit.Challenge, challenge.Id.Value, AuditActions.PrizeTransferRecorded, AuditFacts.Write(
            (AuditFacts.Amount, transfer.Amount), (AuditFacts.Currency, transfer.Currency), (AuditFacts.Reference, transfer.Reference)), recordedAt));
        return transfer;
    }

    /// <summary>The ledger line of a prize the demo pays (after <see cref="Award.MarkPaid"/>).</summary>
    public static void PrizePaid(CrowdsourceDbContext db, Challenge challenge, Award award, string adminId, DateTimeOffset paidAt)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.LedgerEntries.Add(LedgerEntry.PrizePaid(challenge, award, adminId, paidAt));
    }
}
