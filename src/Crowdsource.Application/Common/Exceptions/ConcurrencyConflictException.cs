namespace Crowdsource.Application.Common.Exceptions;

/// <summary>Someone else saved the same thing first; nothing was saved, and the person's input is shown again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("The record changed since it was read.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
