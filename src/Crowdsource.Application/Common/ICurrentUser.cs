namespace Crowdsource.Application.Common;

/// <summary>Who is acting. Use cases take the actor from here, never from a form or a URL.</summary>
public interface ICurrentUser
{
    /// <summary>The Identity user id, or null for an anonymous visitor.</summary>
    string? Id { get; }

    bool IsAuthenticated => Id is not null;

    bool IsInRole(string role);

    /// <summary>The user id, or <see cref="Exceptions.ForbiddenException"/> when nobody is signed in.</summary>
    string RequireId() => Id ?? throw new Exceptions.ForbiddenException();
}
