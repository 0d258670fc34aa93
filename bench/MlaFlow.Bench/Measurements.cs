using MlaFlow.Bench.OpenSsl;

namespace MlaFlow.Bench;

/// <summary>
/// Everything the harness measures, in report order, each with its OpenSSL model. A new measurement is one entry here.
/// </summary>
internal static class Measurements
{
    private const string Hkdf = "HKDF (eight HMAC-SHA256 of short inputs per side)";

    /// <summary>
    /// HPKE auth mode, seal then open (RFC 9180 §5.1.3, §4.1 AuthEncap/AuthDecap): the sender generates an ephemeral key
    /// and computes DH(skE, pkR) and DH(skS, pkR); the recipient DH(skR, pkE) and DH(skR, pkS); one AEAD seal and one open.
    /// </summary>
    public static OpenSslModel HpkeAuthX25519 { get; } = new(
        [new(5, OpenSslPrimitive.X25519), new(1, OpenSslPrimitive.AesGcmSealRecord), new(1, OpenSslPrimitive.AesGcmOpenRecord)],
        "Sender: ephemeral key generation (priced as one X25519) and 2 DH; recipient: 2 DH; one AES-GCM seal and open. " +
        Hkdf + " is left out, which makes OpenSSL look a few per cent faster.");

    /// <inheritdoc cref="HpkeAuthX25519"/>
    public static OpenSslModel HpkeAuthP256 { get; } = new(
        [new(1, OpenSslPrimitive.P256EcdsaSign), new(4, OpenSslPrimitive.P256Ecdh), new(1, OpenSslPrimitive.AesGcmSealRecord), new(1, OpenSslPrimitive.AesGcmOpenRecord)],
        "Ephemeral key generation priced as one ECDSA P-256 signature (each is one multiplication of the base point); " +
        "4 DH; one AES-GCM seal and open. Point validation and " + Hkdf + " are left out.");

    /// <summary>One Ed25519 signature and one verification.</summary>
    public static OpenSslModel Ed25519SignVerify { get; } = new(
        [new(1, OpenSslPrimitive.Ed25519Sign), new(1, OpenSslPrimitive.Ed25519Verify)],
        "openssl signs a short message; hashing 1 KiB more (SHA-512, a few microseconds) is left out.");

    /// <summary>One X25519 DH.</summary>
    public static OpenSslModel X25519Dh { get; } = new([new(1, OpenSslPrimitive.X25519)], "One DH, as openssl speed ecdhx25519 times it.");

    /// <summary>
    /// The classical part of a post-quantum envelope: X-Wing's X25519 (the ephemeral key, the sender's DH, the recipient's
    /// DH), one AES-GCM seal and open, one Ed25519 signature and verification. OpenSSL 3.0 here has no ML-KEM or ML-DSA
    /// (3.5 has), so the model leaves them out: the ratio is what the post-quantum envelope costs against OpenSSL's classical work.
    /// </summary>
    public static OpenSslModel PostQuantumEnvelopeClassicalPart { get; } = new(
        [new(3, OpenSslPrimitive.X25519), new(1, OpenSslPrimitive.AesGcmSealRecord), new(1, OpenSslPrimitive.AesGcmOpenRecord),
         new(1, OpenSslPrimitive.Ed25519Sign), new(1, OpenSslPrimitive.Ed25519Verify)],
        "X-Wing's 3 X25519 (ephemeral key, 2 DH), one AES-GCM seal and open, one Ed25519 sign and verify. ML-KEM-768 and " +
        "ML-DSA-65 are NOT priced (OpenSSL 3.0 has neither): the ratio is the post-quantum envelope against OpenSSL's classical work, " +
        "not a like-for-like comparison.");

    /// <summary>The classical half of a hybrid signature; ML-DSA-65 is not priced, as above.</summary>
    public static OpenSslModel HybridSignVerifyClassicalPart { get; } = new(
        [new(1, OpenSslPrimitive.Ed25519Sign), new(1, OpenSslPrimitive.Ed25519Verify)],
        "One Ed25519 sign and verify; ML-DSA-65 is NOT priced (OpenSSL 3.0 has none): the ratio is the hybrid signature against Ed25519 alone.");

    /// <summary>Per plaintext byte: AES-256-GCM at the segment size and SHA-256 of the plaintext (chain of custody).</summary>
    public static OpenSslModel AttachmentEncrypt { get; } = new(
        [new(1, OpenSslPrimitive.AesGcmEncrypt), new(1, OpenSslPrimitive.Sha256)],
        "Per byte: AES-256-GCM over segment-sized records and SHA-256 of the plaintext; the header (one HKDF, one HMAC) is left out.");

    /// <inheritdoc cref="AttachmentEncrypt"/>
    public static OpenSslModel AttachmentDecrypt { get; } = new(
        [new(1, OpenSslPrimitive.AesGcmDecrypt), new(1, OpenSslPrimitive.Sha256)],
        "Per byte: AES-256-GCM decryption over segment-sized records and SHA-256 of the plaintext; the header is left out.");

    // The per-message lines run on BenchmarkDotNet; the attachment lines time one pass each over a file too large to repeat.
    private static Func<BenchContext, Task<double>> Timed<TBenchmarks>(string method)
        where TBenchmarks : ICheckedBenchmarks, new() =>
        context => Task.FromResult(context.Benchmarks.OperationsPerSecond<TBenchmarks>(method, context.Cancellation));

    /// <summary>The measurements for <paramref name="options"/> (the attachment's size appears in the names).</summary>
    public static IReadOnlyList<Measurement> All(BenchOptions options)
    {
        var size = Report.Size(options.AttachmentLength);
        return
        [
            new("HPKE auth seal+open, 1 KiB, X25519", RateUnit.OperationsPerSecond, HpkeAuthX25519, Timed<HpkeBenchmarks>(nameof(HpkeBenchmarks.X25519))),
            new("HPKE auth seal+open, 1 KiB, P-256", RateUnit.OperationsPerSecond, HpkeAuthP256, Timed<HpkeBenchmarks>(nameof(HpkeBenchmarks.P256))),
            new("X25519 DH: BouncyCastle 2.7", RateUnit.OperationsPerSecond, X25519Dh, Timed<BackendBenchmarks>(nameof(BackendBenchmarks.X25519BouncyCastle))),
            new("X25519 DH: NSec 26.4, key objects kept", RateUnit.OperationsPerSecond, X25519Dh, Timed<BackendBenchmarks>(nameof(BackendBenchmarks.X25519NSec))),
            new("X25519 DH: libsodium via Geralt (MlaFlow's)", RateUnit.OperationsPerSecond, X25519Dh, Timed<BackendBenchmarks>(nameof(BackendBenchmarks.X25519Libsodium))),
            new("Ed25519 sign+verify, 1 KiB: BouncyCastle, key per signature", RateUnit.OperationsPerSecond, Ed25519SignVerify,
                Timed<BackendBenchmarks>(nameof(BackendBenchmarks.Ed25519BouncyCastleRederiving))),
            new("Ed25519 sign+verify, 1 KiB: BouncyCastle, key kept", RateUnit.OperationsPerSecond, Ed25519SignVerify,
                Timed<BackendBenchmarks>(nameof(BackendBenchmarks.Ed25519BouncyCastleKept))),
            new("Ed25519 sign+verify, 1 KiB: NSec, key kept", RateUnit.OperationsPerSecond, Ed25519SignVerify, Timed<BackendBenchmarks>(nameof(BackendBenchmarks.Ed25519NSec))),
            new("Ed25519 sign+verify, 1 KiB: libsodium via Geralt (MlaFlow's)", RateUnit.OperationsPerSecond, Ed25519SignVerify,
                Timed<BackendBenchmarks>(nameof(BackendBenchmarks.Ed25519Libsodium))),
            new("Envelope seal+open, 1 KiB (HPKE X25519 + Ed25519, key stores)", RateUnit.OperationsPerSecond, HpkeAuthX25519 + Ed25519SignVerify,
                Timed<EnvelopeBenchmarks>(nameof(EnvelopeBenchmarks.Classical))),
            new("Post-quantum envelope seal+open, 1 KiB (X-Wing + Ed25519 + ML-DSA-65, key stores)", RateUnit.OperationsPerSecond,
                PostQuantumEnvelopeClassicalPart, Timed<EnvelopeBenchmarks>(nameof(EnvelopeBenchmarks.PostQuantum))),
            new("Ed25519 + ML-DSA-65 sign+verify, 1 KiB (key store)", RateUnit.OperationsPerSecond, HybridSignVerifyClassicalPart,
                Timed<EnvelopeBenchmarks>(nameof(EnvelopeBenchmarks.HybridSignVerify))),
            new($"Attachment encrypt, {size}, to null", RateUnit.BytesPerSecond, AttachmentEncrypt, AttachmentWork.EncryptToNullAsync),
            new($"Attachment encrypt, {size}, to temp file", RateUnit.BytesPerSecond, AttachmentEncrypt, AttachmentWork.EncryptToFileAsync),
            new($"Attachment decrypt, {size}, temp file to null", RateUnit.BytesPerSecond, AttachmentDecrypt, AttachmentWork.DecryptFromFileAsync),
        ];
    }
}
