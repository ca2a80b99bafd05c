namespace Crowdsource.Application.Accounts;

/// <summary>The signed-in browsers of an account, ended at once when the account's keys change.</summary>
public interface IUserSessions
{
    /// <summary>Ends every session of the account, this one included.</summary>
    Task EndAllAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Ends every session of the account except the one making this request.</summary>
    Task EndOthersAsync(string userId, CancellationToken cancellationToken);
}
