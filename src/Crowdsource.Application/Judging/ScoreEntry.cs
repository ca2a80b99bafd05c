using System.Globalization;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A judge of the panel scores an approved entry on every published criterion (0 to 10, optional comments), or
/// changes their marks, until the ranking is locked.
/// </summary>
public static class ScoreEntry
{
    public sealed record Mark(string Criterion, int? Value, string? Comment);

    public sealed record Command(EntryId EntryId, IReadOnlyList<Mark> Marks, string? OverallComment) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(command => command.Marks).ChildRules(mark =>
            {
                mark.RuleFor(candidate => candidate.Value)
                    .NotNull().WithMessage(_ => MarkRequired())
                    .InclusiveBetween(CriterionScore.MinimumValue, CriterionScore.MaximumValue).WithMessage(_ => MarkRequired());
                mark.RuleFor(candidate => candidate.Comment)
                    .Must(comment => comment is null || comment.Trim().Length <= CriterionScore.CommentMaximumLength)
                    .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.CommentTooLong, CriterionScore.CommentMaximumLength));
            });
            RuleFor(command => command.OverallComment)
                .Must(comment => comment is null || comment.Trim().Length <= Scorecard.OverallCommentMaximumLength)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.CommentTooLong, Scorecard.OverallCommentMaximumLength));
        }

        private static string MarkRequired() =>
            string.Format(CultureInfo.CurrentCulture, Messages.MarkRequired, CriterionScore.MinimumValue, CriterionScore.MaximumValue);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (entry, challenge, conflict) = await db.EntryToJudgeAsync(currentUser, command.EntryId, cancellationToken);
            var me = currentUser.RequireId();
            conflict.EnsureMayJudge();
            await db.EnsureOnPanelAsync(challenge.Id, me, cancellationToken);

            var now = clock.GetUtcNow();
            var scores = command.Marks.Select(mark => new CriterionScore(mark.Criterion, mark.Value ?? -1, mark.Comment)).ToList();
            var card = await db.Scorecards.SingleOrDefaultAsync(candidate => candidate.EntryId == entry.Id && candidate.JudgeUserId == me, cancellationToken);
            if (card is null)
            {
                card = Scorecard.Record(challenge, entry, me, scores, command.OverallComment, now);
                db.Scorecards.Add(card);
            }
            else
            {
                card.Change(challenge, entry, scores, command.OverallComment, now);
            }

            db.Record(me, Audit.Entry, entry.Id.Value, "entry.scored",
                string.Join("; ", card.Scores.Select(score => FormattableString.Invariant($"{score.Criterion}: {score.Value}"))), now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
