using System.Buffers;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The one rule for text a visitor sends: no C0 control character (NUL included, which PostgreSQL cannot store in
/// text) and no DEL. Tab, line feed and carriage return stay allowed everywhere: a text area sends them, and in a
/// one-line field they are harmless text (every page encodes what it shows, e-mails encode their headers).
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(code => code is not ('\t' or '\n' or '\r')).Select(code => (char)code), '\u007f']);

    public static bool AreIn(string text) => text.AsSpan().ContainsAny(Refused);
}
