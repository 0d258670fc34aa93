namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>An HPKE AEAD's sizes (RFC 9180 §7.3) and how to key it; the export-only AEAD has no cipher.</summary>
internal sealed class AeadAlgorithm
{
    private static readonly AeadAlgorithm Aes128 = new(HpkeAead.Aes128Gcm, keySize: 16, nonceSize: 12, key => new AesGcmCipher(key));
    private static readonly AeadAlgorithm Aes256 = new(HpkeAead.Aes256Gcm, keySize: 32, nonceSize: 12, key => new AesGcmCipher(key));
    private static readonly AeadAlgorithm ChaCha = new(HpkeAead.ChaCha20Poly1305, keySize: 32, nonceSize: 12, key => new ChaCha20Poly1305Cipher(key));
    private static readonly AeadAlgorithm ExportOnly = new(HpkeAead.ExportOnly, keySize: 0, nonceSize: 0, createCipher: null);

    private readonly Func<byte[], AeadCipher>? _createCipher;

    private AeadAlgorithm(HpkeAead id, int keySize, int nonceSize, Func<byte[], AeadCipher>? createCipher)
    {
        Id = id;
        KeySize = keySize;
        NonceSize = nonceSize;
        _createCipher = createCipher;
    }

    public HpkeAead Id { get; }

    /// <summary>Nk.</summary>
    public int KeySize { get; }

    /// <summary>Nn.</summary>
    public int NonceSize { get; }

    /// <summary>False for the export-only AEAD, which neither seals nor opens.</summary>
    public bool CanEncrypt => _createCipher is not null;

    public static AeadAlgorithm For(HpkeAead aead) => aead switch
    {
        HpkeAead.Aes128Gcm => Aes128,
        HpkeAead.Aes256Gcm => Aes256,
        HpkeAead.ChaCha20Poly1305 => ChaCha,
        HpkeAead.ExportOnly => ExportOnly,
        _ => throw new NotSupportedException($"AEAD 0x{(ushort)aead:x4} is not supported."),
    };

    /// <summary>A cipher keyed with <paramref name="key"/> (which the BCL copies; the caller still zeroes its own).</summary>
    public AeadCipher CreateCipher(byte[] key) =>
        _createCipher is { } create ? create(key) : throw RefuseExportOnly();

    /// <summary>What sealing or opening with the export-only AEAD throws.</summary>
    public static NotSupportedException RefuseExportOnly() =>
        new("The suite's AEAD is export-only (0xFFFF): it derives secrets with Export but cannot seal or open messages (RFC 9180 §5.3).");
}
