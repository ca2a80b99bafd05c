using System.Globalization;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// A member of the challenge's brand (Owner or Editor) rates an approved entry from 1 to 5 stars while the challenge is
/// open, with an optional private comment to its author, who is told and may revise the entry before the deadline.
/// Rating again adds a row (the latest is shown); the same rating sent twice is kept once. Someone who may not see the
/// entry learns nothing (not found); someone who sees it without belonging to the brand (its author, staff) is refused.
/// </summary>
public static class RateEntry
{
    public sealed record Command(EntryId EntryId, int Stars, string? Comment) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Stars).InclusiveBetween(EntryRating.MinimumStars, EntryRating.MaximumStars)
                .WithMessage(_ => Messages.RatingStarsRequired);
            RuleFor(command => command.Comment)
                .Must(comment => comment is null || comment.Trim().Length <= EntryRating.CommentMaximumLength)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.CommentTooLong, EntryRating.CommentMaximumLength));
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            // One rating of an entry at a time: a form sent twice waits for the first, then finds it (below).
            await db.LockUntilCommitAsync("entry-rating/" + command.EntryId.Value.ToString(), cancellationToken);
            var (entry, challenge, _) = await db.VisibleEntryAsync(currentUser, command.EntryId, cancellationToken);
            if (!await db.IsMemberAsync(challenge.BrandId, userId, cancellationToken))
            {
                throw new ForbiddenException(); // the author, a moderator or a judge sees the entry but does not speak for the brand
            }

            var now = clock.GetUtcNow();
            var rating = EntryRating.Rate(challenge, entry, userId, command.Stars, command.Comment, now);
            var latest = await db.EntryRatings.AsNoTracking().Where(candidate => candidate.EntryId == entry.Id)
                .OrderByDescending(candidate => candidate.RatedAt).ThenByDescending(candidate => candidate.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.Repeats(command.Stars, command.Comment))
            {
                return Unit.Value; // the same feedback again (a double submit): nothing new to say
            }

            db.EntryRatings.Add(rating);
            // The stars only: the comment is for the author, not for the people who read the audit trail.
            db.Record(userId, Audit.Entry, entry.Id.Value, AuditActions.EntryRated, AuditFacts.Write((AuditFacts.Stars, rating.Stars)), now);
            await db.NotifyAsync(links, [entry.CreativeUserId], NotificationKind.EntryRated, entry.Title, Recipients.EntryPage(entry.Id), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
