using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A moderator independent from the brand confirms the brand's choice: the awards are recorded (with the people's
/// choice when the public vote has a prize), the ranking is locked, and the results are announced to every
/// participant and the brand.
/// </summary>
public static class ConfirmWinners
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.ResultsAnnouncedAt is not null)
            {
                return Unit.Value; // confirmed already (a double click)
            }

            var now = clock.GetUtcNow();
            // The ranking too: it orders the runner-ups who share the runner-up pool.
            var (_, approved, _, ranking) = await db.PanelScoresAsync(challenge, cancellationToken, forAwarding: true);
            var peoplesChoice = await db.PeoplesChoiceAsync(challenge, approved, cancellationToken);
            var awards = challenge.ConfirmWinners(approved, peoplesChoice, currentUser.RequireId(), now);
            await db.AnnounceAsync(links, challenge, awards, ranking, approved, currentUser.Id, "winners.confirmed", now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
