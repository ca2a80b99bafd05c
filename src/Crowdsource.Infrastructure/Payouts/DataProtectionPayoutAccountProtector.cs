using System.Text.Json;
using Crowdsource.Application.Payouts;
using Microsoft.AspNetCore.DataProtection;

namespace Crowdsource.Infrastructure.Payouts;

/// <summary>
/// Payout accounts encrypted with ASP.NET Core Data Protection (authenticated encryption; the keys are kept in the
/// database's key table, encrypted with the site's certificate where one is configured). The purpose string isolates
/// these from cookies and tokens: a protected account cannot be read as anything else, nor anything else as one.
/// </summary>
internal sealed class DataProtectionPayoutAccountProtector(IDataProtectionProvider provider) : IPayoutAccountProtector
{
    public const string Purpose = "Crowdsource.PayoutDetails.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(PayoutAccount account) => protector.Protect(JsonSerializer.Serialize(account));

    public PayoutAccount Unprotect(string protectedAccount) =>
        JsonSerializer.Deserialize<PayoutAccount>(protector.Unprotect(protectedAccount))
            ?? throw new InvalidOperationException("Payout details that decrypt to nothing.");
}
