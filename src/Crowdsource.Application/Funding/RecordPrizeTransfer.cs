using Crowdsource.Application.Auditing;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Funding;

/// <summary>
/// An owner of the brand records the bank transfer it made to fund the challenge's prizes (the missing part of the
/// pool), with the reference the bank gave it; the admins are told to look for it. The same post twice is harmless.
/// </summary>
public static class RecordPrizeTransfer
{
    public sealed record Command(ChallengeId ChallengeId, string Reference) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Reference)
            .Must(PaymentReference.IsValid)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.PaymentReferenceInvalid, PaymentReference.MaximumLength));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var brandId = await db.Challenges.Where(challenge => challenge.Id == command.ChallengeId)
                .Select(challenge => (BrandId?)challenge.BrandId).SingleOrDefaultAsync(cancellationToken);
            if (brandId is null || !await db.IsMemberAsync(brandId.Value, userId, cancellationToken))
            {
                throw new NotFoundException();
            }

            // Money is the owners' decision, as choosing winners is.
            if (!await db.IsMemberAsync(brandId.Value, userId, cancellationToken, BrandRole.Owner))
            {
                throw new ForbiddenException();
            }

            var challenge = await db.LockChallengeAsync(command.ChallengeId, cancellationToken);
            var reference = command.Reference.Trim();
            var pending = await db.PrizeTransfers.AnyAsync(transfer => transfer.ChallengeId == challenge.Id
                && transfer.Status == PrizeTransferStatus.AwaitingConfirmation && transfer.Reference == reference, cancellationToken);
            if (pending)
            {
                return Unit.Value; // The same transfer posted twice.
            }

            var now = clock.GetUtcNow();
            var transfer = challenge.RecordPrizeTransfer(reference, userId, now);
            db.PrizeTransfers.Add(transfer);
            db.Record(userId, Audit.Challenge, challenge.Id.Value, AuditActions.PrizeTransferRecorded, AuditFacts.Write(
                (AuditFacts.Amount, transfer.Amount), (AuditFacts.Currency, transfer.Currency), (AuditFacts.Reference, transfer.Reference)), now);
            await db.NotifyAsync(links, await db.AdminsAsync(cancellationToken), NotificationKind.PrizeTransferRecorded, challenge.Title,
                Recipients.FundingDesk, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
