using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Moderation;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Moderation;

/// <summary>
/// Someone signed in who can see a challenge or an entry tells the moderators what is wrong with it. The report waits
/// in the moderation queue; the moderators (except members of the challenge's brand) are told. The same person
/// reporting the same thing again while their report is open makes no second report.
/// </summary>
public static class ReportContent
{
    /// <param name="ChallengeId">The reported challenge, when the challenge itself is reported.</param>
    /// <param name="EntryId">The reported entry, when an entry is reported.</param>
    /// <param name="Reason">What kind of problem it is.</param>
    /// <param name="Text">What the moderators should look at.</param>
    public sealed record Command(ChallengeId? ChallengeId, EntryId? EntryId, ReportReason? Reason, string Text) : ICommand<Guid>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Reason).NotNull().WithMessage(_ => Messages.ReportReasonRequired).IsInEnum().WithMessage(_ => Messages.ReportReasonRequired);
            RuleFor(command => command.Text)
                .Must(text => text is not null && text.Trim().Length is >= 10 and <= Report.TextMaximumLength)
                .WithMessage(_ => Messages.ReportTextRequired);
            RuleFor(command => command.EntryId)
                .Must((command, entryId) => command.ChallengeId is null != entryId is null)
                .WithMessage(_ => Messages.ReportSubjectRequired);
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var reporterId = currentUser.RequireId();
            var (challenge, entry) = command.EntryId is { } entryId
                ? await EntrySubjectAsync(entryId, cancellationToken)
                : ((await db.VisibleChallengeAsync(currentUser, command.ChallengeId!.Value, cancellationToken)).Challenge, null);

            // Two posts of the same form at once must not both pass the check below.
            var subjectKey = entry?.Id.Value ?? challenge.Id.Value;
            await db.LockUntilCommitAsync("report/" + subjectKey.ToString() + "/" + reporterId, cancellationToken);
            var subjectEntryId = entry?.Id;
            var existing = await db.Reports.AsNoTracking()
                .Where(report => report.ReporterUserId == reporterId && report.ChallengeId == challenge.Id && report.EntryId == subjectEntryId
                    && report.ResolvedAt == null)
                .Select(report => (Guid?)report.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is { } open)
            {
                return open; // reported already, still open: one report is enough
            }

            var now = clock.GetUtcNow();
            var report = Report.File(challenge.Id, subjectEntryId, reporterId, command.Reason!.Value, command.Text, now);
            db.Reports.Add(report);
            db.Record(reporterId, entry is null ? Audit.Challenge : Audit.Entry, subjectKey, AuditActions.ReportFiled,
                AuditFacts.Write((AuditFacts.Reason, report.Reason.ToString()), (AuditFacts.Text, report.Text)), now);
            await db.NotifyAsync(links, await db.ModeratorsOutsideBrandAsync(challenge, reporterId, cancellationToken), NotificationKind.ReportReceived,
                entry?.Title ?? challenge.Title, "/Moderation/Queue", now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return report.Id;
        }

        private async Task<(Challenge Challenge, Entry? Entry)> EntrySubjectAsync(EntryId id, CancellationToken cancellationToken)
        {
            var (entry, challenge, _) = await db.VisibleEntryAsync(currentUser, id, cancellationToken);
            return (challenge, entry);
        }
    }
}
