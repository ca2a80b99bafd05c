using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>A signed-in creative asks the brand a question about a published challenge, before its deadline.</summary>
public static class AskQuestion
{
    /// <summary>Unanswered questions one person may have on one challenge: enough to ask, too few to flood the brand.</summary>
    public const int MaximumWaitingQuestions = 5;

    public sealed record Command(ChallengeId ChallengeId, string Text) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= ChallengeQuestion.TextMaximumLength)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.QuestionRequired, ChallengeQuestion.TextMaximumLength));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        /// <summary>The same question sent again within this time is the same question (a double click, a resent form).</summary>
        private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, command.ChallengeId, cancellationToken);

            if (viewer.Brands.Contains(challenge.BrandId))
            {
                throw new DomainRuleException("question.asked-by-brand", Messages.BrandDoesNotAsk);
            }

            var now = clock.GetUtcNow();
            var text = command.Text.Trim();
            var mine = await db.ChallengeQuestions.AsNoTracking()
                .Where(question => question.ChallengeId == challenge.Id && question.AskedByUserId == userId)
                .Select(question => new { question.Id, question.Text, question.AskedAt, question.Answer })
                .ToListAsync(cancellationToken);
            if (mine.Find(question => question.Text == text && now - question.AskedAt < RepeatWindow) is { } repeated)
            {
                return repeated.Id;
            }

            if (mine.Count(question => question.Answer == null) >= MaximumWaitingQuestions)
            {
                throw new DomainRuleException("question.too-many-waiting",
                    string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.TooManyWaitingQuestions, MaximumWaitingQuestions));
            }

            var asked = ChallengeQuestion.Ask(challenge, userId, text, now);
            db.ChallengeQuestions.Add(asked);
            await db.SaveChangesAsync(cancellationToken);
            return asked.Id;
        }
    }
}
