using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Brands;

/// <summary>An organisation that launches challenges. It always has at least one Owner.</summary>
public sealed class Brand
{
    public const int NameMaximumLength = 100;
    public const int DescriptionMaximumLength = 2000;
    public const int WebsiteMaximumLength = 300;

    private readonly List<BrandMember> _members = [];

    private Brand()
    {
        Name = string.Empty;
        Slug = string.Empty;
        Description = string.Empty;
    }

    public BrandId Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string Description { get; private set; }

    public Uri? Website { get; private set; }

    /// <summary>The stored logo image, if any.</summary>
    public Guid? LogoFileId { get; private set; }

    public bool IsVerified { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<BrandMember> Members => _members;

    public static Brand Create(string name, string slug, string description, Uri? website, string ownerUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserId);
        var brand = new Brand { Id = BrandId.New(now), CreatedAt = now };
        brand.UpdateProfile(name, slug, description, website);
        brand._members.Add(new BrandMember(brand.Id, ownerUserId, BrandRole.Owner, now));
        return brand;
    }

    public void UpdateProfile(string name, string slug, string description, Uri? website)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaximumLength)
        {
            throw new DomainRuleException("brand.invalid-name", DomainText.BrandNameInvalid);
        }

        if (!Common.Slug.IsValid(slug))
        {
            throw new DomainRuleException("brand.invalid-slug", DomainText.SlugInvalid);
        }

        if (website is not null && (!website.IsAbsoluteUri || (website.Scheme != Uri.UriSchemeHttps && website.Scheme != Uri.UriSchemeHttp)))
        {
            throw new DomainRuleException("brand.invalid-website", DomainText.WebsiteInvalid);
        }

        Name = name.Trim();
        Slug = slug;
        Description = description?.Trim() ?? string.Empty;
        Website = website;
    }

    public void ReplaceLogo(Guid? fileId) => LogoFileId = fileId;

    public bool IsMember(string userId) => _members.Exists(member => member.UserId == userId);

    public bool IsOwner(string userId) => _members.Exists(member => member.UserId == userId && member.Role == BrandRole.Owner);

    public BrandRole? RoleOf(string userId) => _members.Find(member => member.UserId == userId)?.Role;

    /// <summary>Adds a member (an accepted invitation). Joining twice keeps the stronger role.</summary>
    public void AddMember(string userId, BrandRole role, DateTimeOffset now)
    {
        var existing = _members.Find(member => member.UserId == userId);
        if (existing is null)
        {
            _members.Add(new BrandMember(Id, userId, role, now));
        }
        else if (role > existing.Role)
        {
            existing.Role = role;
        }
    }

    public void ChangeRole(string userId, BrandRole role)
    {
        var member = _members.Find(candidate => candidate.UserId == userId)
            ?? throw new DomainRuleException("brand.not-a-member", DomainText.NotABrandMember);
        if (member.Role == BrandRole.Owner && role != BrandRole.Owner)
        {
            EnsureAnotherOwner(userId);
        }

        member.Role = role;
    }

    /// <summary>An Owner removes a member, or a member leaves. The last Owner can do neither.</summary>
    public void RemoveMember(string userId)
    {
        var member = _members.Find(candidate => candidate.UserId == userId)
            ?? throw new DomainRuleException("brand.not-a-member", DomainText.NotABrandMember);
        if (member.Role == BrandRole.Owner)
        {
            EnsureAnotherOwner(userId);
        }

        _members.Remove(member);
    }

    public void Verify(DateTimeOffset now)
    {
        IsVerified = true;
        VerifiedAt ??= now;
    }

    public void RemoveVerification()
    {
        IsVerified = false;
        VerifiedAt = null;
    }

    private void EnsureAnotherOwner(string userId)
    {
        if (!_members.Exists(member => member.Role == BrandRole.Owner && member.UserId != userId))
        {
            throw new DomainRuleException("brand.last-owner", DomainText.LastOwner);
        }
    }
}
