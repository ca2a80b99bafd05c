using System.Buffers;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The one rule for text a visitor sends: no C0 control character (NUL included, which PostgreSQL cannot store in
/// text), no DEL, and none of the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
/// which make a title read backwards ("logo\u202Egnp.exe" shows as "logoexe.png") and spill over what follows it on
/// the page. Tab, line feed and carriage return stay allowed everywhere: a text area sends them, and in a one-line
/// field they are harmless text (every page encodes what it shows, e-mails encode their headers).
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
    [
        .. Enumerable.Range(0, 0x20).Where(code => code is not ('\t' or '\n' or '\r')).Select(code => (char)code), '\u007f',
        '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
    ]);

    public static bool AreIn(string text) => text.AsSpan().ContainsAny(Refused);
}
