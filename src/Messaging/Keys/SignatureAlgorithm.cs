namespace MlaFlow.Messaging.Keys;

/// <summary>A <see cref="KeyAlgorithm"/> for signing keys: signs and verifies byte strings.</summary>
public abstract class SignatureAlgorithm : KeyAlgorithm
{
    private protected SignatureAlgorithm(string name, int privateKeyLength, int publicKeyLength, int signatureLength)
        : base(name, KeyUse.Signing, privateKeyLength, publicKeyLength) => SignatureLength = signatureLength;

    /// <summary>Bytes in every signature.</summary>
    public int SignatureLength { get; }

    /// <summary>Signs <paramref name="message"/>; the caller zeroes <paramref name="privateKey"/> afterwards.</summary>
    internal abstract byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message);

    /// <summary>True only when <paramref name="signature"/> is a valid signature of <paramref name="message"/> under <paramref name="publicKey"/>.</summary>
    internal abstract bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
