using System.Globalization;
using System.Text.Json;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// Envelopes on the wire: one flat JSON object, binary fields in base64 (docs/messaging.md, "Envelopes"). Reading
/// is strict and bounded: every member present, none unknown, each value of its type and size; anything else is
/// <see cref="EnvelopeRefusal.Malformed"/>, before any key or cryptography is touched.
/// </summary>
public static class EnvelopeJson
{
    /// <summary>The largest envelope document read: the largest ciphertext in base64, and room for the rest.</summary>
    public const int MaxBytes = (Envelope.MaxCiphertextLength / 3 * 4) + 64 * 1024;

    // The largest enc (MLKEM768-X25519's, 1,120 bytes) and signature (ML-DSA-65's, 3,309 bytes) with room to spare.
    private const int MaxEncBytes = 2048;
    private const int MaxSignatureBytes = 4096;

    private static readonly string[] ClassicalMembers =
    [
        "version", "suite", "sender", "senderEncryptionKey", "senderSigningKey", "recipient", "recipientKey",
        "messageId", "requestId", "type", "createdAt", "enc", "ciphertext", "signature",
    ];

    // Base mode names no sender encryption key; the second signature and its key come instead.
    private static readonly string[] PostQuantumMembers =
    [
        .. ClassicalMembers.Where(m => m != "senderEncryptionKey"), "senderPostQuantumSigningKey", "postQuantumSignature",
    ];

    public static byte[] Serialize(Envelope envelope)
    {
        var header = envelope.Header;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", header.Version);
            json.WriteString("suite", header.Suite.Name);
            json.WriteString("sender", header.Sender.Value);
            if (header.SenderEncryptionKey is { } encryption)
            {
                json.WriteString("senderEncryptionKey", encryption.Value);
            }

            json.WriteString("senderSigningKey", header.SenderSigningKey.Value);
            if (header.SenderPostQuantumSigningKey is { } postQuantum)
            {
                json.WriteString("senderPostQuantumSigningKey", postQuantum.Value);
            }

            json.WriteString("recipient", header.Recipient.Value);
            json.WriteString("recipientKey", header.RecipientKey.Value);
            json.WriteString("messageId", header.MessageId);
            json.WriteString("requestId", header.RequestId);
            json.WriteString("type", header.MessageType);
            json.WriteString("createdAt", EnvelopeHeader.Timestamp(header.CreatedAt));
            json.WriteBase64String("enc", header.Enc.Span);
            json.WriteBase64String("ciphertext", envelope.Ciphertext.Span);
            json.WriteBase64String("signature", envelope.Signature.Span);
            if (header.Suite.IsPostQuantum)
            {
                json.WriteBase64String("postQuantumSignature", envelope.PostQuantumSignature.Span);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="EnvelopeRefusedException">Malformed, or of a version or suite this node does not read.</exception>
    public static Envelope Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            throw Malformed($"An envelope is at most {MaxBytes} bytes; this one has {utf8.Length}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 2 });
        }
        catch (JsonException e)
        {
            throw Malformed($"Not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("An envelope is a JSON object.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (!ClassicalMembers.Contains(member.Name, StringComparer.Ordinal) && !PostQuantumMembers.Contains(member.Name, StringComparer.Ordinal))
                {
                    throw Malformed($"Unknown member '{Bounded(member.Name)}'.");
                }

                if (!seen.Add(member.Name))
                {
                    // Readers disagree on which of two equal members counts; an envelope has one of each.
                    throw Malformed($"Member '{member.Name}' appears twice.");
                }
            }

            var version = Member(root, "version", JsonValueKind.Number).TryGetInt32(out var v) ? v : throw Malformed("version is a whole number.");
            if (version != EnvelopeHeader.CurrentVersion)
            {
                throw new EnvelopeRefusedException(EnvelopeRefusal.UnsupportedVersion, $"Envelope version {version} is not read here; this node reads version {EnvelopeHeader.CurrentVersion}.");
            }

            var suiteName = Text(root, "suite", 32);
            if (!EnvelopeSuite.TryParse(suiteName, out var suite))
            {
                throw new EnvelopeRefusedException(EnvelopeRefusal.UnsupportedSuite,
                    $"Suite '{Bounded(suiteName)}' is not known here; known: {string.Join(", ", EnvelopeSuite.All.Select(s => s.Name))}.");
            }

            var members = suite.IsPostQuantum ? PostQuantumMembers : ClassicalMembers;
            if (seen.FirstOrDefault(m => !members.Contains(m, StringComparer.Ordinal)) is { } stray)
            {
                throw Malformed($"Member '{stray}' is not part of a {suite} envelope.");
            }

            var header = new EnvelopeHeader(
                version,
                suite,
                Parsed<AuthorityId>(root, "sender"),
                suite.IsPostQuantum ? null : Parsed<KeyId>(root, "senderEncryptionKey"),
                Parsed<KeyId>(root, "senderSigningKey"),
                Parsed<AuthorityId>(root, "recipient"),
                Parsed<KeyId>(root, "recipientKey"),
                Text(root, "messageId", EnvelopeHeader.MaxTextLength),
                Text(root, "requestId", EnvelopeHeader.MaxTextLength),
                Text(root, "type", EnvelopeHeader.MaxTextLength),
                Time(root, "createdAt"),
                Bytes(root, "enc", MaxEncBytes),
                suite.IsPostQuantum ? Parsed<KeyId>(root, "senderPostQuantumSigningKey") : null);
            return new Envelope(header, Bytes(root, "ciphertext", Envelope.MaxCiphertextLength), Bytes(root, "signature", MaxSignatureBytes),
                suite.IsPostQuantum ? Bytes(root, "postQuantumSignature", MaxSignatureBytes) : default);
        }
    }

    private static JsonElement Member(JsonElement root, string name, JsonValueKind kind) =>
        !root.TryGetProperty(name, out var value) ? throw Malformed($"Missing member '{name}'.")
        : value.ValueKind != kind ? throw Malformed($"'{name}' is a {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}.")
        : value;

    private static string Text(JsonElement root, string name, int maxLength)
    {
        var text = Member(root, name, JsonValueKind.String).GetString()!;
        return text.Length is > 0 && text.Length <= maxLength ? text : throw Malformed($"'{name}' has 1 to {maxLength} characters.");
    }

    private static T Parsed<T>(JsonElement root, string name)
        where T : IParsable<T>
    {
        var text = Text(root, name, 64);
        return T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed($"'{name}' is not a valid {typeof(T).Name}: '{Bounded(text)}'.");
    }

    private static DateTimeOffset Time(JsonElement root, string name)
    {
        var text = Text(root, name, 32);
        return EnvelopeHeader.TryParseTimestamp(text, out var at)
            ? at : throw Malformed($"'{name}' is a UTC time such as 2026-11-22T09:30:00.000Z, not '{Bounded(text)}'.");
    }

    private static byte[] Bytes(JsonElement root, string name, int maxLength)
    {
        var value = Member(root, name, JsonValueKind.String);
        if (!value.TryGetBytesFromBase64(out var bytes))
        {
            throw Malformed($"'{name}' is not base64.");
        }

        return bytes.Length <= maxLength ? bytes : throw Malformed($"'{name}' has at most {maxLength} bytes.");
    }

    private static string Bounded(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";

    private static EnvelopeRefusedException Malformed(string message) => new(EnvelopeRefusal.Malformed, message);
}
