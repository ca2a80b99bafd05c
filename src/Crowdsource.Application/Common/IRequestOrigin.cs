namespace Crowdsource.Application.Common;

/// <summary>Where the current request came from, for records that must say so (a licence acceptance).</summary>
public interface IRequestOrigin
{
    string? IpAddress { get; }

    string? UserAgent { get; }
}
