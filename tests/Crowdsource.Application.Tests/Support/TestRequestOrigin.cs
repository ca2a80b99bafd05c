using Crowdsource.Application.Common;

namespace Crowdsource.Application.Tests.Support;

internal sealed record TestRequestOrigin(string? IpAddress, string? UserAgent) : IRequestOrigin;
