using FluentValidation.Results;

namespace Crowdsource.Application.Common.Exceptions;

/// <summary>Input of the wrong shape: each failure names the command property it is about, for the form field.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException()
        : this([])
    {
    }

    public ValidationException(string message)
        : this([new ValidationFailure(string.Empty, message)])
    {
    }

    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]> { [string.Empty] = [message] };
    }

    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more inputs are not valid.")
    {
        Errors = failures
            .GroupBy(failure => failure.PropertyName, failure => failure.ErrorMessage, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Messages per property name of the command; the empty key holds messages about the whole input.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static ValidationException For(string propertyName, string message) =>
        new([new ValidationFailure(propertyName, message)]);
}
