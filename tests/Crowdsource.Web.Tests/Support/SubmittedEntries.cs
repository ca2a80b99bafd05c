using Crowdsource.TestSupport;

namespace Crowdsource.Web.Tests.Support;

public static class SubmittedEntries
{
    /// <summary>Enters <paramref name="challenge"/> through its form with one image, as a signed-in creative would; returns the entry's page.</summary>
    public static async Task<string> EnterAsync(HttpClient creative, string challenge, string title = "Oolong dreams", int seed = 1)
    {
        var form = $"{challenge}/enter";
        var page = await Forms.ParseAsync(await creative.GetAsync(new Uri(form, UriKind.Relative)));
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.AcceptLicence"] = "true",
            ["Input.DeclareOriginal"] = "true",
        };
        foreach (var hidden in new[] { "Input.SubmissionKey", "Input.LicenceVersionId" })
        {
            fields[hidden] = page.QuerySelector($"input[name='{hidden}']")!.GetAttribute("value")!;
        }

        var response = await Forms.UploadAsync(creative, form, form, fields, ("Input.Files", "front.png", TestFiles.Png(seed: seed), "image/png"));
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Entering {challenge} failed: {response.StatusCode}");
    }
}
