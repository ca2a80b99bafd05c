namespace Crowdsource.Domain.Common;

/// <summary>
/// Thrown by an entity when a requested move breaks one of its rules (a state, a time or an amount).
/// <see cref="Code"/> is stable and meant for code and tests; <see cref="Exception.Message"/> is for people,
/// in the current UI culture.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainRuleException()
        : this("domain-rule", "A rule of the platform refused this operation.")
    {
    }

    public DomainRuleException(string message)
        : this("domain-rule", message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain-rule";
    }

    public string Code { get; } = "domain-rule";
}
