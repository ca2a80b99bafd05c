namespace Crowdsource.Application.Common.Exceptions;

/// <summary>The actor is known but may not do this (not the owner, not in the role).</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException()
        : base("Forbidden.")
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
