namespace Crowdsource.Application.Common;

/// <summary>
/// A validator that its use case's handler runs itself, together with the checks only the handler can make (the
/// domain's rules on the loaded object), so that one request reports every problem at once. The pipeline leaves it out:
/// run before the handler, it would stop the request at its own findings.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ValidatedByHandlerAttribute : Attribute;
