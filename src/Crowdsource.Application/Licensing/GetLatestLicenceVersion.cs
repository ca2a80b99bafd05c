using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Licensing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Licensing;

/// <summary>The latest version of a template, both languages, as the starting point of its next version.</summary>
public static class GetLatestLicenceVersion
{
    public sealed record Query(string TemplateKey) : IQuery<LicenceVersion>;

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, LicenceVersion>
    {
        public async ValueTask<LicenceVersion> Handle(Query query, CancellationToken cancellationToken) =>
            await db.LicenceVersions.AsNoTracking().Where(version => version.TemplateKey == query.TemplateKey)
                .OrderByDescending(version => version.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
    }
}
