using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Licensing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>The published licence versions a brand can choose from, newest version of each template first.</summary>
public static class ListLicenceVersions
{
    public sealed record Query : IQuery<IReadOnlyList<Choice>>;

    public sealed record Choice(Guid Id, string TemplateKey, int Version, LicenceScope Scope, string Title, string Summary);

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, IReadOnlyList<Choice>>
    {
        public async ValueTask<IReadOnlyList<Choice>> Handle(Query query, CancellationToken cancellationToken)
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var versions = await db.LicenceVersions.AsNoTracking()
                .OrderBy(version => version.TemplateKey).ThenByDescending(version => version.Version)
                .ToListAsync(cancellationToken);
            return [.. versions.Select(version => new Choice(version.Id, version.TemplateKey, version.Version, version.Scope,
                version.TitleIn(language), version.SummaryIn(language)))];
        }
    }
}
