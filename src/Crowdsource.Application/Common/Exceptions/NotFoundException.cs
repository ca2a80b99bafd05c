namespace Crowdsource.Application.Common.Exceptions;

/// <summary>The thing asked for does not exist, or the actor may not know that it exists.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("Not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
