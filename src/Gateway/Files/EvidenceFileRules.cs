using System.Text.RegularExpressions;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Files;

/// <summary>
/// What a file's name and media type may be, checked alike when an officer uploads a file or lists an attachment and when
/// another node announces one: a name is shown to people and offered as a download name, so it is bounded, carries no
/// path and nothing that would show it as another name (<see cref="BidiControls"/>).
/// </summary>
internal static partial class EvidenceFileRules
{
    public const int MaxNameLength = 255;
    public const int MaxMediaTypeLength = 127;

    /// <summary>Why <paramref name="name"/> is not a file name, or null when it is one.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength ? $"A file name has 1 to {MaxNameLength} characters."
        : name.Any(c => char.IsControl(c) || c is '/' or '\\') || name is "." or ".." ? "A file name has no path separators or control characters."
        : BidiControls.Problem(name);

    /// <summary>Why <paramref name="mediaType"/> is not a media type (type/subtype, no parameters), or null when it is one.</summary>
    public static string? MediaTypeProblem(string? mediaType) =>
        mediaType is { Length: <= MaxMediaTypeLength } && MediaType().IsMatch(mediaType) ? null
        : "A media type such as application/pdf or image/jpeg (RFC 6838: type/subtype, no parameters).";

    /// <summary>Why <paramref name="sha256"/> is not a SHA-256 in lower-case hex, or null.</summary>
    public static string? Sha256Problem(string? sha256) =>
        sha256 is { Length: 64 } && sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') ? null : "A SHA-256 is 64 lower-case hex digits.";

    /// <summary>Why <paramref name="size"/> is not a file length this node takes, or null.</summary>
    public static string? SizeProblem(long size) =>
        size is >= 0 and <= RequestLimits.MaxAttachmentBytes ? null : $"A file has 0 to {RequestLimits.MaxAttachmentBytes} bytes.";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}\z")]
    private static partial Regex MediaType();
}
