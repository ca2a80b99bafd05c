using Crowdsource.Application.Auditing;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using FluentValidation;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>A brand member starts a challenge: a private draft with just a title.</summary>
public static class CreateChallengeDraft
{
    public sealed record Command(BrandId BrandId, string Title) : ICommand<ChallengeId>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Title)
            .Must(title => !string.IsNullOrWhiteSpace(title) && title.Trim().Length <= Challenge.TitleMaximumLength)
            .WithMessage(_ => Messages.ChallengeTitleRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, ChallengeId>
    {
        public async ValueTask<ChallengeId> Handle(Command command, CancellationToken cancellationToken)
        {
            var brand = await db.MemberBrandAsync(currentUser, command.BrandId, cancellationToken);
            var now = clock.GetUtcNow();
            var challenge = Challenge.CreateDraft(brand.Id, command.Title, currentUser.RequireId(), now);
            db.Challenges.Add(challenge);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.created", challenge.Title, now);
            await db.SaveChangesAsync(cancellationToken);
            return challenge.Id;
        }
    }
}
