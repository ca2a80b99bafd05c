using System.Globalization;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Licensing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Licensing;

/// <summary>Every published licence version, grouped by template, with how many challenges use each; for moderators.</summary>
public static class ListLicenceTemplates
{
    public sealed record Query : IQuery<IReadOnlyList<Version>>;

    public sealed record Version(Guid Id, string TemplateKey, int Number, LicenceScope Scope, string Title, string Summary, string TextSha256,
        DateTimeOffset PublishedAt, int ChallengeCount);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Version>>
    {
        public async ValueTask<IReadOnlyList<Version>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var uses = await db.Challenges.AsNoTracking().IgnoreAutoIncludes().Where(challenge => challenge.LicenceVersionId != null)
                .GroupBy(challenge => challenge.LicenceVersionId!.Value)
                .Select(group => new { Id = group.Key, Count = group.Count() })
                .ToDictionaryAsync(group => group.Id, group => group.Count, cancellationToken);
            var versions = await db.LicenceVersions.AsNoTracking()
                .OrderBy(version => version.TemplateKey).ThenByDescending(version => version.Version).ToListAsync(cancellationToken);
            return [.. versions.Select(version => new Version(version.Id, version.TemplateKey, version.Version, version.Scope,
                version.TitleIn(language), version.SummaryIn(language), version.TextSha256, version.PublishedAt, uses.GetValueOrDefault(version.Id)))];
        }
    }
}
