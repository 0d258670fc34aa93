using System.Buffers;

namespace MlaFlow.Plugins.Sdk;

/// <summary>
/// Unicode's Bidi_Control characters (UAX #9, PropList.txt): invisible marks, embeddings, overrides and isolates that
/// change the order in which the text around them is shown. A file uploaded as <c>invoice\u202Efdp.exe</c> shows as
/// <c>invoiceexe.pdf</c>; a name or a passport number holding one reads as something other than what is stored and
/// compared. So names, identifiers and file names may not hold them; free text may. The zero-width space, non-joiner
/// and joiner (U+200B–U+200D), which Thai, Khmer and Myanmar text needs to break and shape words, are not among them.
/// </summary>
public static class BidiControls
{
    private static readonly Dictionary<char, string> Names = new()
    {
        ['\u061C'] = "ARABIC LETTER MARK",
        ['\u200E'] = "LEFT-TO-RIGHT MARK",
        ['\u200F'] = "RIGHT-TO-LEFT MARK",
        ['\u202A'] = "LEFT-TO-RIGHT EMBEDDING",
        ['\u202B'] = "RIGHT-TO-LEFT EMBEDDING",
        ['\u202C'] = "POP DIRECTIONAL FORMATTING",
        ['\u202D'] = "LEFT-TO-RIGHT OVERRIDE",
        ['\u202E'] = "RIGHT-TO-LEFT OVERRIDE",
        ['\u2066'] = "LEFT-TO-RIGHT ISOLATE",
        ['\u2067'] = "RIGHT-TO-LEFT ISOLATE",
        ['\u2068'] = "FIRST STRONG ISOLATE",
        ['\u2069'] = "POP DIRECTIONAL ISOLATE",
    };

    private static readonly SearchValues<char> All = SearchValues.Create([.. Names.Keys]);

    /// <summary>
    /// Why <paramref name="value"/> cannot be a name, an identifier or a file name because of a Bidi_Control
    /// character (the first one, by code point and name), or null when it holds none.
    /// </summary>
    public static string? Problem(string value)
    {
        var at = value.AsSpan().IndexOfAny(All);
        return at < 0 ? null
            : $"U+{(int)value[at]:X4} {Names[value[at]]} (character {at + 1}) is not allowed here: it changes the order in which the text is shown, so what people read would not be what is stored.";
    }
}
