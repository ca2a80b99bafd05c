using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>A member of the brand answers a question on its challenge, for everyone or only for the person who asked.</summary>
public static class AnswerQuestion
{
    public sealed record Command(ChallengeId ChallengeId, Guid QuestionId, string Answer, bool KeepPrivate) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Answer)
            .Must(answer => !string.IsNullOrWhiteSpace(answer) && answer.Trim().Length <= ChallengeQuestion.AnswerMaximumLength)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.AnswerRequired, ChallengeQuestion.AnswerMaximumLength));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            var question = await db.ChallengeQuestions
                .SingleOrDefaultAsync(candidate => candidate.Id == command.QuestionId && candidate.ChallengeId == challenge.Id, cancellationToken)
                ?? throw new NotFoundException();

            var now = clock.GetUtcNow();
            question.Reply(command.Answer, command.KeepPrivate, currentUser.RequireId(), now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, AuditActions.ChallengeQuestionAnswered,
                AuditFacts.Write((AuditFacts.Private, question.IsPrivate), (AuditFacts.Answer, question.Answer)), now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
