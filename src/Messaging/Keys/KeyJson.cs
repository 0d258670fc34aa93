using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// How key files and bundles are read and written: camelCase JSON, indented for people, strict on the way in
/// (no unknown member, no missing required member, no null where a value is required, shallow).
/// </summary>
internal static class KeyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 8,
        WriteIndented = true,
        // Base64 keeps its '+' rather than \u002B: these files are read by people, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <exception cref="FormatException">Not JSON of the expected shape; the message says where.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new FormatException("The document is null.");
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string? Format(Instant? instant) => instant is { } value ? Format(value) : null;

    /// <exception cref="FormatException">Not an ISO 8601 UTC instant.</exception>
    public static Instant ParseInstant(string text, string member) =>
        InstantPattern.ExtendedIso.Parse(text) is { Success: true } result ? result.Value
        : throw new FormatException($"{member}: '{text}' is not an instant such as 2026-03-02T09:00:00Z.");

    public static Instant? ParseOptionalInstant(string? text, string member) => text is null ? null : ParseInstant(text, member);

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <exception cref="FormatException">Not the lower-case name of a <typeparamref name="TEnum"/> value.</exception>
    public static TEnum ParseName<TEnum>(string text, string member)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Name(value) == text)
            {
                return value;
            }
        }

        throw new FormatException($"{member}: '{text}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(Name))}.");
    }
}
