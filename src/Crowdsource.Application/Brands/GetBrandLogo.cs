using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>A brand's logo: public, like the brand's page.</summary>
public static class GetBrandLogo
{
    public sealed record Query(string Slug) : IQuery<FileDownload>;

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Brands.AsNoTracking().Where(brand => brand.Slug == query.Slug && brand.LogoFileId != null)
                .Join(db.StoredFiles, brand => brand.LogoFileId!.Value, file => file.Id,
                    (brand, file) => new FileDownload(file.Id, file.FileName, file.ContentType, file.Length, file.Sha256))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
    }
}
