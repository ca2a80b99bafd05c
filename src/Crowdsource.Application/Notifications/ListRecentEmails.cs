using Crowdsource.Application.Common;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// The latest e-mails of the outbox, whoever they are for. Only the development mailbox page sends this, and that
/// page exists only when Crowdsource:DevelopmentMailbox is on (never in production).
/// </summary>
public static class ListRecentEmails
{
    public const int Limit = 50;

    public sealed record Query : IQuery<IReadOnlyList<Email>>;

    public sealed record Email(Guid Id, string To, string Subject, string TextBody, OutgoingEmailStatus Status,
        DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError);

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, IReadOnlyList<Email>>
    {
        public async ValueTask<IReadOnlyList<Email>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.OutgoingEmails.AsNoTracking()
                .OrderByDescending(email => email.CreatedAt).ThenByDescending(email => email.Id)
                .Take(Limit)
                .Select(email => new Email(email.Id, email.ToAddress, email.Subject, email.TextBody, email.Status,
                    email.CreatedAt, email.SentAt, email.Attempts, email.LastError))
                .ToListAsync(cancellationToken);
    }
}
