using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Crowdsource.Application.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Availability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Infrastructure.Identity;

/// <summary>
/// Keeps the authentication ticket in PostgreSQL (<see cref="UserSession"/>) and only a random key in the cookie,
/// so a session ends the moment its row goes: at logout, "log out of every device", a password change or reset.
/// Reading a session is one primary-key lookup; a renewal writes only when the claims changed or the row has not
/// been touched for <see cref="RefreshAfter"/>.
/// </summary>
internal sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, DatabaseAvailability availability)
    : ITicketStore
{
    /// <summary>The claim that carries the session's key on the signed-in principal (never stored).</summary>
    public const string SessionClaimType = "crowdsource:session";

    /// <summary>"Last seen" and the expiry move at most this often.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector("Crowdsource.UserSessions.Ticket.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, httpContext: null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, httpContext: null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs the signed-in user's id.");
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var stored = Stored(ticket);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();

        // Expired sessions leave nothing behind: whoever signs in sweeps them away.
        await db.UserSessions.Where(session => session.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(UserSession.Start(
            key, userId, _protector.Protect(TicketSerializer.Default.Serialize(stored)), Fingerprint(stored),
            Device(httpContext), now, ExpiresAt(ticket, now)));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, httpContext: null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, httpContext: null, cancellationToken);

    /// <summary>
    /// Updates a session that still exists (never brings back one that was ended meanwhile), when its claims changed
    /// (a role, the security stamp), the ticket was issued again since the last write (the security stamp was checked:
    /// without storing the new issue time, every request would check it again, 6 queries each), or it was last touched
    /// more than <see cref="RefreshAfter"/> ago.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = clock.GetUtcNow();
        var stale = now - RefreshAfter;
        var stored = Stored(ticket);
        var fingerprint = Fingerprint(stored);
        var protectedTicket = _protector.Protect(TicketSerializer.Default.Serialize(stored));
        var expiresAt = ExpiresAt(ticket, now);
        var issuedAt = ticket.Properties.IssuedUtc ?? now;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        await db.UserSessions
            .Where(session => session.Id == key && (session.ClaimsFingerprint != fingerprint || session.LastSeenAt < issuedAt || session.LastSeenAt < stale))
            .ExecuteUpdateAsync(set => set
                .SetProperty(session => session.Ticket, protectedTicket)
                .SetProperty(session => session.ClaimsFingerprint, fingerprint)
                .SetProperty(session => session.LastSeenAt, now)
                .SetProperty(session => session.ExpiresAt, expiresAt), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, httpContext: null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        RetrieveAsync(key, httpContext: null, cancellationToken);

    /// <summary>
    /// One primary-key lookup per request, never cached (an ended or expired session is no session, on every instance at
    /// once). The same statement counts the person's unread notifications for the header's bell
    /// (<see cref="UnreadNotificationsOfRequest"/>), which saves every signed-in page a round trip.
    /// </summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        // During an outage only the error page gets this far (the others are answered 503 before authentication): it
        // is shown as to a visitor, and must not fail for want of the session.
        if (availability.IsDown)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        FoundSession? found;
        try
        {
            found = await FindSession(db, key, now, cancellationToken);
        }
        catch (Exception exception) when (DatabaseAvailability.IsUnavailableError(exception) && httpContext?.IsErrorPage() == true)
        {
            return null;
        }

        if (found is null)
        {
            return null;
        }

        var protectedTicket = found.Ticket;

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            // Its key was revoked or lost: the session cannot be trusted any more.
            return null;
        }

        if (ticket?.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaimType, key));
            if (httpContext is not null)
            {
                UnreadNotificationsOfRequest.Remember(httpContext, found.Unread);
            }
        }

        return ticket;
    }

    /// <summary>
    /// Compiled once: this runs on every signed-in request, and EF otherwise re-examines the expression (and compiles a
    /// delegate for the captured context) each time.
    /// </summary>
    private static readonly Func<CrowdsourceDbContext, string, DateTimeOffset, CancellationToken, Task<FoundSession?>> FindSession =
        EF.CompileAsyncQuery((CrowdsourceDbContext db, string key, DateTimeOffset now, CancellationToken cancellationToken) => db.UserSessions.AsNoTracking()
            .Where(session => session.Id == key && session.ExpiresAt > now)
            .Select(session => new FoundSession(
                session.Ticket,
                db.Notifications.Count(notification => notification.UserId == session.UserId && notification.ReadAt == null)))
            .SingleOrDefault());

    private sealed record FoundSession(byte[] Ticket, int Unread);

    public Task RemoveAsync(string key) => RemoveAsync(key, httpContext: null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, httpContext: null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        await db.UserSessions.Where(session => session.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The ticket as stored: without the session-key claim that <see cref="RetrieveAsync(string, HttpContext?, CancellationToken)"/> adds.</summary>
    private static AuthenticationTicket Stored(AuthenticationTicket ticket)
    {
        var identities = ticket.Principal.Identities.Select(identity => new ClaimsIdentity(
            identity.Claims.Where(claim => claim.Type != SessionClaimType),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
        return new AuthenticationTicket(new ClaimsPrincipal(identities), ticket.Properties, ticket.AuthenticationScheme);
    }

    private static string Fingerprint(AuthenticationTicket ticket)
    {
        var text = new StringBuilder(ticket.Properties.IsPersistent ? "persistent\n" : "session\n");
        foreach (var claim in ticket.Principal.Claims.OrderBy(claim => claim.Type, StringComparer.Ordinal).ThenBy(claim => claim.Value, StringComparer.Ordinal))
        {
            text.Append(claim.Type).Append('\0').Append(claim.Value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + IdentitySetup.SessionLifetime;

    /// <summary>What "your sessions" would show: the browser's own description and the address it came from.</summary>
    private static string? Device(HttpContext? httpContext)
    {
        if (httpContext is null)
        {
            return null;
        }

        var agent = httpContext.Request.Headers.UserAgent.ToString();
        var address = httpContext.Connection.RemoteIpAddress?.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{(agent.Length > 0 ? agent : "?")} ({address ?? "?"})");
    }
}
