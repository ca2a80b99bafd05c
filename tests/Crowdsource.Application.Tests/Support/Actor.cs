namespace Crowdsource.Application.Tests.Support;

/// <summary>Who a test acts as: a user id and the roles their cookie would carry.</summary>
public sealed record Actor(string UserId, params string[] Roles);
