using System.Globalization;
using System.Text.Json;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// A <see cref="Receipt"/> with the issuer's signature (and its ML-DSA-65 signature when the issuer holds post-quantum keys),
/// and its JSON form on the wire.
/// </summary>
public sealed record SignedReceipt(Receipt Receipt, ReadOnlyMemory<byte> Signature, ReadOnlyMemory<byte> PostQuantumSignature = default)
{
    /// <summary>The largest receipt document read.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>
    /// Signs the answer to <paramref name="header"/>'s message with the recipient's current signing key, and with its
    /// post-quantum signing key too when it holds one.
    /// </summary>
    /// <exception cref="KeyRefusedException">The recipient has no active signing key here.</exception>
    public static SignedReceipt Sign(KeyStore keys, EnvelopeHeader header, ReceiptStatus status, string? reason, string? detail, string? requestId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(header);
        var signing = keys.CurrentSigningKey(header.Recipient);
        var postQuantum = keys.ActiveKey(header.Recipient, KeyUse.Signing, postQuantum: true);
        var receipt = new Receipt(header.Recipient, signing.Id, header.Sender, header.MessageId, status, reason, Bounded(detail), requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), postQuantum?.Id);
        var signed = receipt.SignedBytes();
        return postQuantum is null
            ? new SignedReceipt(receipt, signing.Sign(signed))
            : new SignedReceipt(receipt, signing.Sign(signed), keys.CurrentSigningKey(header.Recipient, postQuantum: true).Sign(signed));
    }

    /// <summary>
    /// Whether the issuer's keys in <paramref name="peers"/> signed this receipt: its classical key, and its post-quantum key
    /// whenever the receipt names one or the issuer's confirmed bundle offers one (a receipt stripped of its ML-DSA-65
    /// signature is not the issuer's).
    /// </summary>
    /// <exception cref="KeyRefusedException">The issuer or a key it names is unknown or revoked.</exception>
    public bool IsSignedBy(PeerDirectory peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var signed = Receipt.SignedBytes();
        if (!peers.Verify(Receipt.Issuer, Receipt.SigningKey, signed, Signature.Span))
        {
            return false;
        }

        return Receipt.PostQuantumSigningKey is { } postQuantum
            ? peers.Find(Receipt.Issuer, postQuantum, KeyOperation.Verify).Suite.IsPostQuantum && peers.Verify(Receipt.Issuer, postQuantum, signed, PostQuantumSignature.Span)
            : !peers.OfferedSuites(Receipt.Issuer).Contains(KeySuite.XWingMLDsa65);
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("issuer", Receipt.Issuer.Value);
            json.WriteString("signingKey", Receipt.SigningKey.Value);
            json.WriteString("sender", Receipt.Sender.Value);
            json.WriteString("messageId", Receipt.MessageId);
            json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(Receipt.Status.ToString()));
            WriteOptional(json, "reason", Receipt.Reason);
            WriteOptional(json, "detail", Receipt.Detail);
            WriteOptional(json, "requestId", Receipt.RequestId);
            json.WriteString("at", EnvelopeHeader.Timestamp(Receipt.At));
            json.WriteBase64String("signature", Signature.Span);
            if (Receipt.PostQuantumSigningKey is { } postQuantum)
            {
                json.WriteString("postQuantumSigningKey", postQuantum.Value);
                json.WriteBase64String("postQuantumSignature", PostQuantumSignature.Span);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="FormatException">Not a receipt.</exception>
    public static SignedReceipt Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            throw new FormatException($"A receipt is at most {MaxBytes} bytes.");
        }

        try
        {
            var root = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 2 }).RootElement;
            var status = Enum.Parse<ReceiptStatus>(Text(root, "status"), ignoreCase: true);
            var receipt = new Receipt(
                AuthorityId.Parse(Text(root, "issuer")),
                KeyId.Parse(Text(root, "signingKey")),
                AuthorityId.Parse(Text(root, "sender")),
                Text(root, "messageId"),
                status,
                Optional(root, "reason"),
                Optional(root, "detail"),
                Optional(root, "requestId"),
                EnvelopeHeader.TryParseTimestamp(Text(root, "at"), out var at) ? at : throw new FormatException("'at' is not a UTC time such as 2026-11-22T09:30:00.000Z."),
                Optional(root, "postQuantumSigningKey") is { } postQuantum ? KeyId.Parse(postQuantum) : null);
            return new SignedReceipt(receipt, root.GetProperty("signature").GetBytesFromBase64(),
                receipt.PostQuantumSigningKey is null ? default : root.GetProperty("postQuantumSignature").GetBytesFromBase64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new FormatException($"Not a receipt: {e.Message}", e);
        }
    }

    // A detail is for people; a bounded one keeps receipts small and within the encoding's 16-bit lengths.
    private static string? Bounded(string? detail) => detail is { Length: > 500 } ? detail[..500] : detail;

    private static string Text(JsonElement root, string name) => root.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null.");

    private static string? Optional(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
