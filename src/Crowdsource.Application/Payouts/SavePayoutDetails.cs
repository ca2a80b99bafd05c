using System.Globalization;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Payouts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Payouts;

/// <summary>
/// A creative records (or changes) where their prizes are to be paid: an IBAN or a PayPal address, and the account
/// holder's name. The account is stored encrypted, normalised (an IBAN without its spaces); only its masked form is
/// readable without the keys. The change is written in the audit trail (masked).
/// </summary>
public static class SavePayoutDetails
{
    public sealed record Command(PayoutMethod Method, string? HolderName, string? Iban, string? PayPalEmail) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Method).IsInEnum().WithMessage(_ => Messages.PayoutMethodRequired);
            RuleFor(command => command.HolderName)
                .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => Messages.PayoutHolderRequired)
                .Must(name => name is null || name.Trim().Length <= PayoutDetails.HolderNameMaximumLength)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.PayoutHolderTooLong, PayoutDetails.HolderNameMaximumLength));
            RuleFor(command => command.Iban)
                .Must(iban => Domain.Payouts.Iban.Check(iban) == IbanProblem.None)
                .WithMessage(command => IbanMessage(command.Iban))
                .When(command => command.Method == PayoutMethod.BankTransfer);
            RuleFor(command => command.PayPalEmail)
                .Must(PayPalAddress.IsValid).WithMessage(_ => Messages.PayoutPayPalInvalid)
                .When(command => command.Method == PayoutMethod.PayPal);
        }

        /// <summary>What is wrong with the IBAN, in words that say what to fix.</summary>
        public static string IbanMessage(string? typed)
        {
            var iban = Domain.Payouts.Iban.Normalise(typed);
            return Domain.Payouts.Iban.Check(typed) switch
            {
                IbanProblem.Missing => Messages.PayoutIbanRequired,
                IbanProblem.Characters => Messages.PayoutIbanCharacters,
                IbanProblem.Country => Messages.PayoutIbanCountry,
                IbanProblem.Length => string.Format(CultureInfo.CurrentCulture, Messages.PayoutIbanLength,
                    iban[..2], Domain.Payouts.Iban.LengthIn(iban[..2]), iban.Length),
                _ => Messages.PayoutIbanChecksum,
            };
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IPayoutAccountProtector protector, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var account = new PayoutAccount(command.Method, command.HolderName!.Trim(), command.Method == PayoutMethod.BankTransfer
                ? Domain.Payouts.Iban.Normalise(command.Iban)
                : PayPalAddress.Normalise(command.PayPalEmail));
            var now = clock.GetUtcNow();

            // Two saves at once (a double submit) must not both insert the person's one row.
            await db.LockUntilCommitAsync($"payout-details:{userId}", cancellationToken);
            var details = await db.PayoutDetails.SingleOrDefaultAsync(candidate => candidate.UserId == userId, cancellationToken);
            var before = details?.Masked;
            if (details is null)
            {
                db.PayoutDetails.Add(PayoutDetails.Record(userId, account.Method, protector.Protect(account), account.Masked, now));
            }
            else
            {
                details.Change(account.Method, protector.Protect(account), account.Masked, now);
            }

            db.Record(userId, Audit.Account, Guid.Parse(userId), AuditActions.PayoutDetailsSaved,
                AuditFacts.Change([(AuditFacts.Payout, before)], [(AuditFacts.Payout, account.Masked)]), now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
