namespace Crowdsource.Domain.Brands;

public sealed class BrandMember
{
    private BrandMember()
    {
        UserId = string.Empty;
    }

    internal BrandMember(BrandId brandId, string userId, BrandRole role, DateTimeOffset joinedAt)
    {
        BrandId = brandId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public BrandId BrandId { get; private set; }

    public string UserId { get; private set; }

    public BrandRole Role { get; internal set; }

    public DateTimeOffset JoinedAt { get; private set; }
}
