using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.SavedSearches;

/// <summary>
/// A signed-in person keeps a search of the challenge list under a name, to hear of new challenges that match it
/// (and, if they choose, to get them in a daily e-mail). Only challenges published from now on are announced.
/// </summary>
public static class SaveSearch
{
    public sealed record Command(
        string Name, string? Text, ChallengeCategory? Category, decimal? MinimumPrize, decimal? MaximumPrize, string? Brand, bool EmailDigest)
        : ICommand<Guid>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Name).NotEmpty().WithMessage(_ => Messages.SavedSearchNameRequired)
                .MaximumLength(SavedSearch.NameMaximumLength).WithMessage(_ => Messages.SavedSearchNameTooLong);
            RuleFor(command => command.Text).MaximumLength(SavedSearch.TextMaximumLength).WithMessage(_ => Messages.SavedSearchTextTooLong);
            RuleFor(command => command.Brand).MaximumLength(SavedSearch.BrandMaximumLength).WithMessage(_ => Messages.SavedSearchBrandUnknown);
            // No prize exceeds Money.MaximumAmount; a larger bound would also overflow the stored column (a 500).
            RuleFor(command => command.MinimumPrize).InclusiveBetween(0, Money.MaximumAmount)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.SavedSearchPrizeOutOfRange, Money.MaximumAmount));
            // No prize exceeds Money.MaximumAmount; a larger bound would also overflow the stored column (a 500).
            RuleFor(command => command.MaximumPrize).InclusiveBetween(0, Money.MaximumAmount)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.SavedSearchPrizeOutOfRange, Money.MaximumAmount));
            RuleFor(command => command.MaximumPrize)
                .GreaterThanOrEqualTo(command => command.MinimumPrize)
                .When(command => command.MinimumPrize is not null && command.MaximumPrize is not null)
                .WithMessage(_ => Messages.SavedSearchPrizeRangeReversed);
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();

            // Two saves at once must not both pass the count: they take turns.
            await db.LockUntilCommitAsync($"saved-searches:{userId}", cancellationToken);
            if (await db.SavedSearches.CountAsync(search => search.UserId == userId, cancellationToken) >= SavedSearch.MaximumPerPerson)
            {
                throw ValidationException.For(nameof(Command.Name), Messages.SavedSearchTooMany);
            }

            if (!string.IsNullOrWhiteSpace(command.Brand) && !await db.Brands.AnyAsync(brand => brand.Slug == command.Brand, cancellationToken))
            {
                throw ValidationException.For(nameof(Command.Brand), Messages.SavedSearchBrandUnknown);
            }

            var search = SavedSearch.Create(userId, command.Name, command.Text, command.Category, command.MinimumPrize, command.MaximumPrize,
                command.Brand, command.EmailDigest, clock.GetUtcNow());
            db.SavedSearches.Add(search);
            await db.SaveChangesAsync(cancellationToken);
            return search.Id;
        }
    }
}
