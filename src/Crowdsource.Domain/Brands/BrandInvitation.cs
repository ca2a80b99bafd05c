using System.Security.Cryptography;
using System.Text;
using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Brands;

/// <summary>
/// An Owner invites someone by e-mail. The e-mail carries a random token; only its SHA-256 is stored, and only
/// the account with the invited address can accept, once, within <see cref="Lifetime"/>.
/// </summary>
public sealed class BrandInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private BrandInvitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
        InvitedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public BrandId BrandId { get; private set; }

    /// <summary>Lower-case, trimmed.</summary>
    public string Email { get; private set; }

    public BrandRole Role { get; private set; }

    public string TokenHash { get; private set; }

    public string InvitedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedByUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <returns>The invitation and the token to put in the e-mailed link (never stored).</returns>
    public static (BrandInvitation Invitation, string Token) Create(
        BrandId brandId, string email, BrandRole role, string invitedByUserId, DateTimeOffset now)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var invitation = new BrandInvitation
        {
            Id = Guid.CreateVersion7(now),
            BrandId = brandId,
            Email = NormalizeEmail(email),
            Role = role,
            TokenHash = Hash(token),
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, token);
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>
    /// The invited person accepts: they join the brand with the invited role. The inviter must still be able to
    /// give that role (an Owner for an Owner invitation, a member for an Editor one): an invitation sent by someone
    /// since removed or demoted no longer opens the brand.
    /// </summary>
    public void Accept(Brand brand, string userId, string userEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(brand);
        if (!IsPending(now))
        {
            throw new DomainRuleException("invitation.not-pending", DomainText.InvitationNotPending);
        }

        if (brand.Id != BrandId)
        {
            throw new ArgumentException("The brand of another invitation.", nameof(brand));
        }

        if (Role == BrandRole.Owner ? !brand.IsOwner(InvitedByUserId) : !brand.IsMember(InvitedByUserId))
        {
            throw new DomainRuleException("invitation.inviter-gone", DomainText.InvitationInviterGone);
        }

        if (NormalizeEmail(userEmail) != Email)
        {
            throw new DomainRuleException("invitation.other-address", DomainText.InvitationOtherAddress);
        }

        AcceptedAt = now;
        AcceptedByUserId = userId;
        brand.AddMember(userId, Role, now);
    }

    /// <summary>An Owner withdraws the invitation, or it goes with the member who sent it. An accepted one stays as it is.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is null)
        {
            RevokedAt ??= now;
        }
    }
}
