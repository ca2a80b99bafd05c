using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>An account: Identity's user (e-mail is the user name) plus the public profile.</summary>
public sealed class CrowdsourceUser : IdentityUser
{
    public const int DisplayNameMaximumLength = 80;
    public const int BioMaximumLength = 2000;
    public const int EmailMaximumLength = 256;

    public string DisplayName { get; private set; } = string.Empty;

    public string? Bio { get; private set; }

    /// <summary>"en" or "fr": the language e-mails are written in.</summary>
    public string PreferredCulture { get; private set; } = SupportedCultures.Default;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The profile picture, if any (an image in the file store).</summary>
    public Guid? AvatarFileId { get; private set; }

    /// <summary>When the person deleted their account; the row stays, emptied of personal data, for the records that point to it.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public static CrowdsourceUser Create(string email, string displayName, string culture, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(),
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = displayName.Trim(),
        PreferredCulture = SupportedCultures.Normalize(culture),
        CreatedAt = now,
    };

    public void UpdateProfile(string displayName, string? bio)
    {
        DisplayName = displayName.Trim();
        Bio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
    }

    public void PreferCulture(string culture) => PreferredCulture = SupportedCultures.Normalize(culture);

    public void ReplaceAvatar(Guid? fileId) => AvatarFileId = fileId;

    /// <summary>Removes every personal detail and makes the account unusable for good.</summary>
    public void Anonymise(DateTimeOffset now)
    {
        var placeholder = $"deleted-{Id}@deleted.invalid";
        UserName = Email = placeholder;
        NormalizedUserName = NormalizedEmail = placeholder.ToUpperInvariant();
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        TwoFactorEnabled = false;
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        DisplayName = DeletedDisplayName;
        Bio = null;
        AvatarFileId = null;
        DeletedAt = now;
    }

    public const string DeletedDisplayName = "Deleted account";
}
