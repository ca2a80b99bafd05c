using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Licensing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Licensing;

/// <summary>
/// A moderator or admin publishes a licence text: a new version of a template (or its first). Published versions are
/// never edited (the database refuses); challenges already using a version keep it.
/// </summary>
public static class PublishLicenceVersion
{
    public const int TextMaximumLength = 20_000;
    public const int ShortTextMaximumLength = 200;

    public sealed record Command(
        string TemplateKey, LicenceScope Scope, string TitleEn, string TitleFr, string SummaryEn, string SummaryFr,
        string FullTextEn, string FullTextFr, string Media, string Territory, string Duration) : ICommand<Guid>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.TemplateKey).Must(key => Slug.IsValid(key) && key.Length <= 64).WithMessage(_ => Messages.LicenceKeyFormat);
            foreach (var (property, limit) in new (System.Linq.Expressions.Expression<Func<Command, string>>, int)[]
            {
                (command => command.TitleEn, ShortTextMaximumLength), (command => command.TitleFr, ShortTextMaximumLength),
                (command => command.Media, ShortTextMaximumLength), (command => command.Territory, ShortTextMaximumLength),
                (command => command.Duration, ShortTextMaximumLength), (command => command.SummaryEn, 2000), (command => command.SummaryFr, 2000),
                (command => command.FullTextEn, TextMaximumLength), (command => command.FullTextFr, TextMaximumLength),
            })
            {
                RuleFor(property).Must(text => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= limit)
                    .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.RequiredText, limit));
            }
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            // Two moderators publishing at once: the unique (template, version) index lets only one take a number.
            var latest = await db.LicenceVersions.Where(version => version.TemplateKey == command.TemplateKey)
                .MaxAsync(version => (int?)version.Version, cancellationToken) ?? 0;
            var now = clock.GetUtcNow();
            var published = LicenceVersion.Publish(Guid.CreateVersion7(now), command.TemplateKey, latest + 1, command.Scope, LicenceAppliesTo.WinningEntriesOnly,
                (command.TitleEn.Trim(), command.TitleFr.Trim()), (command.SummaryEn.Trim(), command.SummaryFr.Trim()),
                (command.FullTextEn.Trim(), command.FullTextFr.Trim()), command.Media.Trim(), command.Territory.Trim(), command.Duration.Trim(), now);
            db.LicenceVersions.Add(published);
            db.Record(currentUser.Id, "Licence", published.Id, "licence.published",
                $"{published.TemplateKey} v{published.Version} (SHA-256 {published.TextSha256})", now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException taken) when (taken.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                throw new ConcurrencyConflictException(Messages.LicencePublishedMeanwhile, taken);
            }

            return published.Id;
        }
    }
}
