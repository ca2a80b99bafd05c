using Crowdsource.Application.Common;

namespace Crowdsource.Application.Tests.Support;

internal sealed class TestCurrentUser : ICurrentUser
{
    private Actor? _actor;

    public string? Id => _actor?.UserId;

    public bool IsInRole(string role) => _actor?.Roles.Contains(role) == true;

    public void ActAs(Actor? actor) => _actor = actor;
}
