namespace Crowdsource.Application.Common;

/// <summary>
/// Marks a command whose writes must commit together (several SaveChanges, or an outbox message with the change
/// that causes it). The transaction behaviour wraps it in one database transaction inside EF's execution strategy.
/// </summary>
public interface ITransactional;
