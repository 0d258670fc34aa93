using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// DHKEM (RFC 9180 §4.1) over a <see cref="DhGroup"/>: key pairs, and Encap/Decap with their authenticated
/// variants, which differ only by a second DH with the sender's static key and by that key in kem_context.
/// </summary>
internal sealed class DhKem : Kem
{
    private static readonly DhKem P256 = new(HpkeKem.DhkemP256HkdfSha256, NistCurveGroup.P256, HpkeKdf.HkdfSha256);
    private static readonly DhKem P521 = new(HpkeKem.DhkemP521HkdfSha512, NistCurveGroup.P521, HpkeKdf.HkdfSha512);
    private static readonly DhKem X25519 = new(HpkeKem.DhkemX25519HkdfSha256, X25519Group.Instance, HpkeKdf.HkdfSha256);

    private readonly LabeledHkdf _kdf;

    private DhKem(HpkeKem id, DhGroup group, HpkeKdf kdf)
        : base(id)
    {
        Group = group;
        _kdf = new LabeledHkdf(kdf, SuiteIds.Kem(id));
    }

    public DhGroup Group { get; }

    /// <summary>Nenc: the length of an encapsulated key (a serialized ephemeral public key).</summary>
    public override int EncSize => Group.PublicKeySize;

    public override int PublicKeySize => Group.PublicKeySize;

    public override int PrivateKeySize => Group.PrivateKeySize;

    /// <summary>Nsecret: the length of the KEM shared secret.</summary>
    public override int SharedSecretSize => _kdf.Nh;

    /// <summary>The ephemeral key is derived from ikmE, which needs Nsk bytes of entropy (RFC 9180 §7.1.3).</summary>
    public override int EncapRandomnessSize => Group.PrivateKeySize;

    public override bool HasAuthMode => true;

    public static new DhKem For(HpkeKem kem) => kem switch
    {
        HpkeKem.DhkemP256HkdfSha256 => P256,
        HpkeKem.DhkemP521HkdfSha512 => P521,
        HpkeKem.DhkemX25519HkdfSha256 => X25519,
        _ => throw new NotSupportedException($"KEM 0x{(ushort)kem:x4} is not supported."),
    };

    public override HpkeKeyPair GenerateKeyPair()
    {
        var (privateKey, publicKey, prepared) = Group.GenerateKeyPair();
        return new(Id, privateKey, KeyPairPublicKey(publicKey), prepared);
    }

    public override HpkeKeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm) => KeyPairOf(Group.DerivePrivateKey(_kdf, ikm));

    // Checked and imported once; the key keeps the group's object for every DH with it.
    public override HpkePublicKey DeserializePublicKey(ReadOnlySpan<byte> encoded, string parameterName) =>
        Group.TryPreparePublic(encoded, out var prepared, out var problem)
            ? new HpkePublicKey(Id, encoded.ToArray(), prepared)
            : throw new ArgumentException($"Not a {HpkeSuite.Name(Id)} public key: {problem}.", parameterName);

    public override HpkeKeyPair DeserializePrivateKey(ReadOnlySpan<byte> encoded, string parameterName) =>
        Group.PrivateKeyProblem(encoded) is { } problem
            ? throw new ArgumentException($"Not a {HpkeSuite.Name(Id)} private key: {problem}.", parameterName)
            : KeyPairOf(Group.NormalizePrivateKey(encoded));

    public override KemOutput Encap(HpkePublicKey recipient, HpkeKeyPair? sender)
    {
        using var ephemeral = GenerateKeyPair();
        return new KemOutput(EncapWith(recipient, ephemeral, sender), ephemeral.PublicKey.Serialize());
    }

    public override KemOutput EncapDerandomized(HpkePublicKey recipient, HpkeKeyPair? sender, ReadOnlySpan<byte> ikmE)
    {
        using var ephemeral = DeriveKeyPair(ikmE);
        return new KemOutput(EncapWith(recipient, ephemeral, sender), ephemeral.PublicKey.Serialize());
    }

    /// <summary>
    /// Encap, or AuthEncap when <paramref name="sender"/> is given: the shared secret for
    /// <paramref name="recipient"/>; the enc to send is <paramref name="ephemeral"/>'s public key.
    /// </summary>
    public byte[] EncapWith(HpkePublicKey recipient, HpkeKeyPair ephemeral, HpkeKeyPair? sender)
    {
        var enc = ephemeral.PublicKey.Bytes;
        var dh = new byte[(sender is null ? 1 : 2) * Group.DhSize];
        try
        {
            AgreeInto(dh, ephemeral, recipient.Bytes, recipient.Prepared, () => SmallOrder(nameof(recipient)));
            if (sender is not null)
            {
                AgreeInto(dh.AsSpan(Group.DhSize), sender, recipient.Bytes, recipient.Prepared, () => SmallOrder(nameof(recipient)));
            }

            return ExtractAndExpand(dh, KemContext(enc, recipient.Bytes, sender?.PublicKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dh);
        }
    }

    /// <summary>
    /// Decap, or AuthDecap when <paramref name="sender"/> is given. An <paramref name="enc"/> that is not a
    /// public key of this KEM, or that yields no usable DH, is an <see cref="HpkeOpenException"/>: it came with the message.
    /// </summary>
    public override byte[] Decap(ReadOnlySpan<byte> enc, HpkeKeyPair recipient, HpkePublicKey? sender)
    {
        if (!Group.TryPreparePublic(enc, out var prepared, out var problem))
        {
            throw new HpkeOpenException($"The message does not open: its enc is not a {HpkeSuite.Name(Id)} public key ({problem}).");
        }

        var dh = new byte[(sender is null ? 1 : 2) * Group.DhSize];
        using var encKey = prepared;
        try
        {
            AgreeInto(dh, recipient, enc, encKey, () => new HpkeOpenException($"The message does not open: its enc is a small-order {Group.Name} point."));
            if (sender is not null)
            {
                AgreeInto(dh.AsSpan(Group.DhSize), recipient, sender.Bytes, sender.Prepared, () => SmallOrder(nameof(sender)));
            }

            return ExtractAndExpand(dh, KemContext(enc, recipient.PublicKey.Bytes, sender));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dh);
        }
    }

    private HpkeKeyPair KeyPairOf(byte[] privateKey)
    {
        var (publicKey, prepared) = Group.KeyPairOf(privateKey);
        return new(Id, privateKey, KeyPairPublicKey(publicKey), prepared);
    }

    // A key pair's public key gets the group's object when a DH first needs it, then keeps it: an ephemeral key's never does.
    private HpkePublicKey KeyPairPublicKey(byte[] publicKey) => new(Id, publicKey, new Lazy<object?>(() =>
        Group.TryPreparePublic(publicKey, out var prepared, out var problem) ? prepared
        : throw new InvalidOperationException($"A {Group.Name} key pair computed an invalid public key: {problem}.")));

    private void AgreeInto(Span<byte> destination, HpkeKeyPair own, ReadOnlySpan<byte> publicKey, object? preparedPublic, Func<Exception> invalid)
    {
        if (!Group.TryAgree(own.PrivateKey, own.Prepared, publicKey, preparedPublic, out var secret))
        {
            throw invalid();
        }

        secret.CopyTo(destination);
        CryptographicOperations.ZeroMemory(secret);
    }

    private ArgumentException SmallOrder(string parameterName) =>
        new($"The {Group.Name} public key is of small order: DH with it gives all zeros (RFC 9180 §7.1.4).", parameterName);

    // kem_context = enc || pkRm, followed by pkSm in the authenticated modes (RFC 9180 §4.1).
    private static byte[] KemContext(ReadOnlySpan<byte> enc, ReadOnlySpan<byte> recipient, HpkePublicKey? sender)
    {
        var senderBytes = sender is null ? [] : sender.Bytes;
        var context = new byte[enc.Length + recipient.Length + senderBytes.Length];
        enc.CopyTo(context);
        recipient.CopyTo(context.AsSpan(enc.Length));
        senderBytes.CopyTo(context.AsSpan(enc.Length + recipient.Length));
        return context;
    }

    private byte[] ExtractAndExpand(ReadOnlySpan<byte> dh, ReadOnlySpan<byte> kemContext)
    {
        var prk = _kdf.LabeledExtract([], "eae_prk"u8, dh);
        try
        {
            return _kdf.LabeledExpand(prk, "shared_secret"u8, kemContext, SharedSecretSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(prk);
        }
    }
}
