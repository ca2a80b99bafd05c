using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Moderation;

/// <summary>
/// A moderator from outside the challenge's brand closes a report: upheld (something was wrong) or dismissed, saying what
/// was done about it. Upheld reports on a challenge count in its brand's public fairness record.
/// </summary>
public static class ResolveReport
{
    public sealed record Command(Guid ReportId, ReportOutcome? Outcome, string Resolution) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Outcome).Must(outcome => outcome is { } chosen && Enum.IsDefined(chosen)).WithMessage(_ => Messages.ReportOutcomeRequired);
            RuleFor(command => command.Resolution)
                .Must(resolution => resolution is not null && resolution.Trim().Length is >= 3 and <= Report.ResolutionMaximumLength)
                .WithMessage(_ => Messages.ReportResolutionRequired);
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var moderatorId = currentUser.RequireId();
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var report = await db.Reports.SingleOrDefaultAsync(candidate => candidate.Id == command.ReportId, cancellationToken)
                ?? throw new NotFoundException();
            await db.ChallengeToModerateAsync(currentUser, report.ChallengeId, cancellationToken);
            if (!report.IsOpen)
            {
                return Unit.Value; // closed already (a double click, or another moderator)
            }

            var now = clock.GetUtcNow();
            report.Resolve(moderatorId, command.Outcome!.Value, command.Resolution, now);
            db.Record(moderatorId, report.EntryId is null ? Audit.Challenge : Audit.Entry, report.EntryId?.Value ?? report.ChallengeId.Value,
                AuditActions.ReportResolved, AuditFacts.Write((AuditFacts.Reason, report.Reason.ToString()), (AuditFacts.Outcome, command.Outcome.Value.ToString()),
                    (AuditFacts.Text, report.Resolution)), now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
