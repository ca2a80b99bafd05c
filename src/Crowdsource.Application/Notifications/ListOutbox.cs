using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// The outbox as an admin watches it: how many e-mails wait and for how long, and every unsent one (parked first,
/// then the oldest), with why the last attempt failed, a page at a time.
/// </summary>
public static class ListOutbox
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Result(Summary Summary, IReadOnlyList<Email> Emails, int Page, int PageCount);

    /// <param name="Waiting">Pending and never refused (the server may have been unavailable).</param>
    /// <param name="Retrying">Pending after the server refused them at least once.</param>
    /// <param name="Parked">Refused too often: they wait for an admin.</param>
    /// <param name="SentLastDay">Sent in the last 24 hours.</param>
    /// <param name="OldestWaitingSince">When the oldest unsent e-mail that is not parked was written.</param>
    public sealed record Summary(int Waiting, int Retrying, int Parked, int SentLastDay, DateTimeOffset? OldestWaitingSince);

    public sealed record Email(Guid Id, string To, string Subject, string? Kind, OutgoingEmailStatus Status,
        DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var dayAgo = clock.GetUtcNow().AddDays(-1);
            var unsent = db.OutgoingEmails.AsNoTracking().Where(email => email.Status != OutgoingEmailStatus.Sent);
            var counts = await db.OutgoingEmails
                .Where(email => email.Status != OutgoingEmailStatus.Sent || email.SentAt >= dayAgo)
                .GroupBy(email => 1)
                .Select(all => new
                {
                    Waiting = all.Count(email => email.Status == OutgoingEmailStatus.Pending && email.Attempts == 0),
                    Retrying = all.Count(email => email.Status == OutgoingEmailStatus.Pending && email.Attempts > 0),
                    Parked = all.Count(email => email.Status == OutgoingEmailStatus.Parked),
                    SentLastDay = all.Count(email => email.Status == OutgoingEmailStatus.Sent),
                    OldestWaitingSince = all.Where(email => email.Status == OutgoingEmailStatus.Pending)
                        .Min(email => (DateTimeOffset?)email.CreatedAt),
                })
                .SingleOrDefaultAsync(cancellationToken);
            var summary = counts is null
                ? new Summary(0, 0, 0, 0, null)
                : new Summary(counts.Waiting, counts.Retrying, counts.Parked, counts.SentLastDay, counts.OldestWaitingSince);

            var total = summary.Waiting + summary.Retrying + summary.Parked;
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var emails = await unsent
                .OrderByDescending(email => email.Status == OutgoingEmailStatus.Parked)
                .ThenBy(email => email.CreatedAt).ThenBy(email => email.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(email => new Email(email.Id, email.ToAddress, email.Subject, email.Kind, email.Status,
                    email.CreatedAt, email.Attempts, email.NextAttemptAt, email.LastError))
                .ToListAsync(cancellationToken);
            return new Result(summary, emails, page, pageCount);
        }
    }
}
