using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// "Log out of every device": ends every session of the signed-in account, this one included, and changes the
/// security stamp so nothing issued before (a cookie, a remembered sign-in) is accepted again.
/// </summary>
public static class LogOutEverywhere
{
    public sealed record Command : ICommand;

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICurrentUser currentUser, IUserSessions sessions)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId()) ?? throw new NotFoundException();
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
            await sessions.EndAllAsync(user.Id, cancellationToken);
            return Unit.Value;
        }
    }
}
