using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// An HPKE KEM (RFC 9180 §4, draft-ietf-hpke-pq): its sizes, its key functions, and Encap/Decap. Only the DHKEMs have
/// the authenticated variants (AuthEncap/AuthDecap); the post-quantum KEMs have none (draft-ietf-hpke-pq, "Security
/// Considerations"). Keys cross this boundary as <see cref="HpkeKeyPair"/> and <see cref="HpkePublicKey"/>, which may
/// hold the KEM's own parsed form of the key, made once when they are.
/// </summary>
internal abstract class Kem
{
    private protected Kem(HpkeKem id) => Id = id;

    public HpkeKem Id { get; }

    /// <summary>Nenc.</summary>
    public abstract int EncSize { get; }

    /// <summary>Npk.</summary>
    public abstract int PublicKeySize { get; }

    /// <summary>Nsk.</summary>
    public abstract int PrivateKeySize { get; }

    /// <summary>Nsecret.</summary>
    public abstract int SharedSecretSize { get; }

    /// <summary>How many bytes of randomness one encapsulation draws (<see cref="EncapDerandomized"/>'s ikmE).</summary>
    public abstract int EncapRandomnessSize { get; }

    /// <summary>Whether the KEM has AuthEncap and AuthDecap, which HPKE's auth and auth_psk modes need.</summary>
    public virtual bool HasAuthMode => false;

    public static Kem For(HpkeKem kem) => kem switch
    {
        HpkeKem.MLKem768 => MLKem768Kem.Instance,
        HpkeKem.MLKem768X25519 => XWingKem.Instance,
        _ => DhKem.For(kem),
    };

    public abstract HpkeKeyPair GenerateKeyPair();

    /// <summary>DeriveKeyPair(ikm): the same ikm always gives the same key pair.</summary>
    public abstract HpkeKeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm);

    /// <exception cref="ArgumentException">Not a public key of this KEM; the message says why.</exception>
    public abstract HpkePublicKey DeserializePublicKey(ReadOnlySpan<byte> encoded, string parameterName);

    /// <exception cref="ArgumentException">Not a private key of this KEM; the message says why.</exception>
    public abstract HpkeKeyPair DeserializePrivateKey(ReadOnlySpan<byte> encoded, string parameterName);

    /// <summary>
    /// Encap, or AuthEncap when <paramref name="sender"/> is given, with fresh randomness: by default
    /// <see cref="EncapDerandomized"/> with randomness from the operating system, as FIPS 203 and X-Wing allow.
    /// </summary>
    /// <exception cref="ArgumentException">The recipient's key cannot be encapsulated to (a small-order X25519 point).</exception>
    public virtual KemOutput Encap(HpkePublicKey recipient, HpkeKeyPair? sender)
    {
        Span<byte> randomness = stackalloc byte[EncapRandomnessSize];
        RandomNumberGenerator.Fill(randomness);
        try
        {
            return EncapDerandomized(recipient, sender, randomness);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(randomness);
        }
    }

    /// <summary>
    /// Encap with the randomness given, as the test vectors fix it: for a DHKEM the ephemeral key pair is
    /// DeriveKeyPair(ikmE), for ML-KEM ikmE is the 32-byte m of ML-KEM.Encaps, for X-Wing the 64-byte eseed.
    /// </summary>
    public abstract KemOutput EncapDerandomized(HpkePublicKey recipient, HpkeKeyPair? sender, ReadOnlySpan<byte> ikmE);

    /// <summary>Decap, or AuthDecap when <paramref name="sender"/> is given.</summary>
    /// <exception cref="HpkeOpenException"><paramref name="enc"/> is not an encapsulation of this KEM: it came with the message.</exception>
    public abstract byte[] Decap(ReadOnlySpan<byte> enc, HpkeKeyPair recipient, HpkePublicKey? sender);

    /// <exception cref="ArgumentException"><paramref name="ikmE"/> is not <see cref="EncapRandomnessSize"/> bytes.</exception>
    private protected void CheckRandomness(ReadOnlySpan<byte> ikmE)
    {
        if (ikmE.Length != EncapRandomnessSize)
        {
            throw new ArgumentException($"{HpkeSuite.Name(Id)} encapsulates with {EncapRandomnessSize} bytes of randomness, not {ikmE.Length}.", nameof(ikmE));
        }
    }

    private protected HpkeOpenException WrongEncLength(int length) =>
        new($"The message does not open: its enc is {length} bytes; {HpkeSuite.Name(Id)} encapsulates in {EncSize}.");
}

/// <summary>What an encapsulation gives: the shared secret (the sender zeroes it when done) and the enc for the recipient.</summary>
internal sealed record KemOutput(byte[] SharedSecret, byte[] Enc);
