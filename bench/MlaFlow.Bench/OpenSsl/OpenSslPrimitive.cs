using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Bench.OpenSsl;

/// <summary>
/// One primitive whose speed <c>openssl speed</c> measures, and how: <see cref="SpeedArguments"/> name it on openssl's
/// command line (after <c>-mr -elapsed -seconds N</c>) and <see cref="Read"/> finds its rate in the output.
/// </summary>
/// <param name="name">What the rate counts, for the report.</param>
/// <param name="unit">Operations (records, signatures…) or bytes, per second.</param>
/// <param name="speedArguments">openssl speed's arguments selecting the primitive; primitives with the same arguments share one run.</param>
/// <param name="read">The rate in <c>openssl speed -mr</c>'s output.</param>
internal sealed class OpenSslPrimitive(string name, RateUnit unit, IReadOnlyList<string> speedArguments, Func<string, double> read)
{
    private const int RecordSize = 1024;

    // Attachment segments are sealed one by one, each with its nonce and tag: openssl's -aead mode does the same per record.
    private const int SegmentSize = AttachmentFormat.DefaultSegmentSize;

    private static readonly string SegmentSizeText = $"{SegmentSize / 1024} KiB";

    public static OpenSslPrimitive X25519 { get; } =
        new("X25519 key agreement", RateUnit.OperationsPerSecond, ["ecdhx25519"], o => OpenSslSpeedOutput.EcdhPerSecond(o, 253));

    public static OpenSslPrimitive P256Ecdh { get; } =
        new("ECDH P-256 key agreement", RateUnit.OperationsPerSecond, ["ecdhp256"], o => OpenSslSpeedOutput.EcdhPerSecond(o, 256));

    public static OpenSslPrimitive P256EcdsaSign { get; } =
        new("ECDSA P-256 sign", RateUnit.OperationsPerSecond, ["ecdsap256"], o => OpenSslSpeedOutput.EcdsaPerSecond(o, 256).Sign);

    public static OpenSslPrimitive Ed25519Sign { get; } =
        new("Ed25519 sign", RateUnit.OperationsPerSecond, ["ed25519"], o => OpenSslSpeedOutput.EddsaPerSecond(o, "Ed25519").Sign);

    public static OpenSslPrimitive Ed25519Verify { get; } =
        new("Ed25519 verify", RateUnit.OperationsPerSecond, ["ed25519"], o => OpenSslSpeedOutput.EddsaPerSecond(o, "Ed25519").Verify);

    public static OpenSslPrimitive AesGcmSealRecord { get; } =
        new("AES-256-GCM seal, 1 KiB record", RateUnit.OperationsPerSecond, AesGcm(RecordSize, decrypt: false),
            o => OpenSslSpeedOutput.CipherBytesPerSecond(o, "AES-256-GCM", RecordSize) / RecordSize);

    public static OpenSslPrimitive AesGcmOpenRecord { get; } =
        new("AES-256-GCM open, 1 KiB record", RateUnit.OperationsPerSecond, AesGcm(RecordSize, decrypt: true),
            o => OpenSslSpeedOutput.CipherBytesPerSecond(o, "AES-256-GCM", RecordSize) / RecordSize);

    public static OpenSslPrimitive AesGcmEncrypt { get; } =
        new($"AES-256-GCM encrypt, {SegmentSizeText} records", RateUnit.BytesPerSecond, AesGcm(SegmentSize, decrypt: false),
            o => OpenSslSpeedOutput.CipherBytesPerSecond(o, "AES-256-GCM", SegmentSize));

    public static OpenSslPrimitive AesGcmDecrypt { get; } =
        new($"AES-256-GCM decrypt, {SegmentSizeText} records", RateUnit.BytesPerSecond, AesGcm(SegmentSize, decrypt: true),
            o => OpenSslSpeedOutput.CipherBytesPerSecond(o, "AES-256-GCM", SegmentSize));

    public static OpenSslPrimitive Sha256 { get; } =
        new($"SHA-256, {SegmentSizeText} blocks", RateUnit.BytesPerSecond, ["-bytes", $"{SegmentSize}", "sha256"],
            o => OpenSslSpeedOutput.CipherBytesPerSecond(o, "sha256", SegmentSize));

    /// <summary>Every primitive a measurement may price its work in, in the order openssl measures them.</summary>
    public static IReadOnlyList<OpenSslPrimitive> All { get; } =
        [X25519, P256Ecdh, P256EcdsaSign, Ed25519Sign, Ed25519Verify, AesGcmSealRecord, AesGcmOpenRecord, AesGcmEncrypt, AesGcmDecrypt, Sha256];

    public string Name { get; } = name;

    public RateUnit Unit { get; } = unit;

    public IReadOnlyList<string> SpeedArguments { get; } = speedArguments;

    public Func<string, double> Read { get; } = read;

    /// <summary>The command line after <c>openssl</c>, for the report.</summary>
    public string CommandLine(int seconds) => $"speed -mr -elapsed -seconds {seconds} {string.Join(' ', SpeedArguments)}";

    // -aead: each record gets its own IV, associated data and tag ("TLS-like sequence"), as HPKE messages and attachment
    // segments do; without it openssl streams one long GCM message and never computes a tag.
    private static string[] AesGcm(int bytes, bool decrypt) =>
        [.. decrypt ? ["-decrypt"] : Array.Empty<string>(), "-aead", "-evp", "aes-256-gcm", "-bytes", $"{bytes}"];
}
