using System.Globalization;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The brand's Owner picks one approved entry per prize tier (Editors may look, not choose). The choice waits for a
/// moderator's confirmation and may be changed until then, before the judging deadline; the moderators who may
/// confirm it are told.
/// </summary>
public static class SelectWinners
{
    /// <summary>The entry chosen for the tier of rank <paramref name="Rank"/> (null when the form left it empty).</summary>
    public sealed record Pick(int Rank, EntryId? EntryId);

    public sealed record Command(ChallengeId ChallengeId, IReadOnlyList<Pick> Picks) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleForEach(command => command.Picks).ChildRules(pick =>
                pick.RuleFor(candidate => candidate.EntryId).NotNull().WithMessage(_ => Messages.WinnerRequired));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            var me = currentUser.RequireId();
            if (!await db.IsMemberAsync(challenge.BrandId, me, cancellationToken, BrandRole.Owner))
            {
                throw new ForbiddenException();
            }

            (await db.ConflictOfInterestAsync(challenge, me, cancellationToken)).EnsureMayChooseWinners();
            var approved = await db.ApprovedEntriesAsync(challenge.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var picks = command.Picks.Select(pick => new WinnerPick(pick.Rank, pick.EntryId!.Value)).ToList();
            challenge.SelectWinners(picks, approved, me, now);
            db.Record(me, Audit.Challenge, challenge.Id.Value, "winners.selected",
                string.Join(", ", picks.Select(pick => string.Create(CultureInfo.InvariantCulture, $"#{pick.Rank} {pick.EntryId.Value}"))), now);
            await db.NotifyAsync(links, await db.ModeratorsOutsideBrandAsync(challenge, null, cancellationToken), NotificationKind.WinnersChosen,
                challenge.Title, JudgingAccess.BoardLink(challenge.Id), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
