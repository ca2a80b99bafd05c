using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Licensing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// The licences a brand can choose from: the newest version of each template, plus the version the challenge already
/// has (a draft keeps what it chose until the brand picks again).
/// </summary>
public static class ListLicenceVersions
{
    public sealed record Query(Guid? Including = null) : IQuery<IReadOnlyList<Choice>>;

    public sealed record Choice(Guid Id, string TemplateKey, int Version, LicenceScope Scope, string Title, string Summary);

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, IReadOnlyList<Choice>>
    {
        public async ValueTask<IReadOnlyList<Choice>> Handle(Query query, CancellationToken cancellationToken)
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var versions = await db.LicenceVersions.AsNoTracking()
                .OrderBy(version => version.TemplateKey).ThenByDescending(version => version.Version)
                .ToListAsync(cancellationToken);
            var offered = versions.GroupBy(version => version.TemplateKey).Select(template => template.First())
                .Concat(versions.Where(version => version.Id == query.Including)).Distinct();
            return [.. offered.Select(version => new Choice(version.Id, version.TemplateKey, version.Version, version.Scope,
                version.TitleIn(language), version.SummaryIn(language)))];
        }
    }
}
