using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// Every vector of RFC 9180 Appendix A is reproduced value by value: the derived key pairs, enc, the shared
/// secret, the key schedule, each encryption at its sequence number through the context API, and each export.
/// </summary>
public sealed class RfcVectorTests
{
    /// <summary>The Appendix A suites this implementation covers (A.1 to A.7), each in the four modes.</summary>
    private static readonly (HpkeKem Kem, HpkeKdf Kdf, HpkeAead Aead)[] ImplementedAppendixSuites =
    [
        (HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm),
        (HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305),
        (HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm),
        (HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha512, HpkeAead.Aes128Gcm),
        (HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305),
        (HpkeKem.DhkemP521HkdfSha512, HpkeKdf.HkdfSha512, HpkeAead.Aes256Gcm),
        (HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ExportOnly),
    ];

    /// <summary>
    /// Suites of the file this implementation does not reproduce, with the reason. Empty: P-521 came with the
    /// P-256 code (the BCL computes both), so every suite of Appendix A is implemented.
    /// </summary>
    private static readonly IReadOnlyDictionary<(ushort Kem, ushort Kdf, ushort Aead), string> SkippedSuites =
        new Dictionary<(ushort, ushort, ushort), string>();

    private static readonly HpkeMode[] Modes = [HpkeMode.Base, HpkeMode.Psk, HpkeMode.Auth, HpkeMode.AuthPsk];

    private static readonly IReadOnlyList<string> ReproducedVectors =
        [.. from suite in ImplementedAppendixSuites from mode in Modes select RfcVector.NameOf(mode, suite.Kem, suite.Kdf, suite.Aead)];

    public static TheoryData<string> Vectors() => [.. ReproducedVectors];

    [SkippableFact]
    public void every_suite_in_the_appendix_is_either_reproduced_or_skipped_with_a_reason()
    {
        var vectors = RfcVectors.All();

        var covered = ReproducedVectors.ToHashSet();
        var unaccounted = vectors
            .Where(v => !covered.Contains(v.Name) && !SkippedSuites.ContainsKey((v.KemId, v.KdfId, v.AeadId)))
            .Select(v => v.Name)
            .ToList();
        unaccounted.ShouldBeEmpty("vectors neither reproduced nor in the skip list");
        covered.Except(vectors.Select(v => v.Name)).ShouldBeEmpty("reproduction cases missing from the file");
        vectors.Count.ShouldBe(28);
    }

    [SkippableTheory]
    [MemberData(nameof(Vectors))]
    public void reproduces_the_rfc_9180_vector(string vector)
    {
        var v = RfcVectors.Named(vector);
        var cipher = new HpkeCipher(v.Suite);
        var info = v.Bytes("info");
        using var psk = v.Has("psk") ? new HpkePsk(v.Bytes("psk"), v.Bytes("psk_id")) : null;

        using var ephemeral = DerivedKeyPairShouldMatch(cipher, v, "ikmE", "skEm", "pkEm");
        using var recipient = DerivedKeyPairShouldMatch(cipher, v, "ikmR", "skRm", "pkRm");
        using var sender = v.Has("ikmS") ? DerivedKeyPairShouldMatch(cipher, v, "ikmS", "skSm", "pkSm") : null;
        (sender is not null).ShouldBe(v.Mode is HpkeMode.Auth or HpkeMode.AuthPsk);

        var enc = v.Bytes("enc");
        Hex(ephemeral.PublicKey.Serialize()).ShouldBe(Hex(enc), "enc");
        var (sharedSecret, encapsulated) = cipher.Kem.EncapDerandomized(recipient.PublicKey, sender, v.Bytes("ikmE"));
        Hex(encapsulated).ShouldBe(Hex(enc), "enc (Encap)");
        Hex(sharedSecret).ShouldBe(Hex(v.Bytes("shared_secret")), "shared_secret (Encap)");
        Hex(cipher.Kem.Decap(enc, recipient, sender?.PublicKey)).ShouldBe(Hex(sharedSecret), "shared_secret (Decap)");

        var pskId = psk is null ? [] : v.Bytes("psk_id");
        Hex(KeySchedule.Context(cipher.Kdf, v.Mode, info, pskId)).ShouldBe(Hex(v.Bytes("key_schedule_context")), "key_schedule_context");
        var secrets = KeySchedule.Derive(cipher.Kdf, cipher.Aead, v.Mode, sharedSecret, info, psk is null ? [] : v.Bytes("psk"), pskId);
        Hex(secrets.Key).ShouldBe(Hex(v.Bytes("key")), "key");
        Hex(secrets.BaseNonce).ShouldBe(Hex(v.Bytes("base_nonce")), "base_nonce");
        Hex(secrets.ExporterSecret).ShouldBe(Hex(v.Bytes("exporter_secret")), "exporter_secret");

        using var senderContext = cipher.SetupSender(v.Mode, recipient.PublicKey, info, psk, sender, v.Bytes("ikmE"));
        using var recipientContext = cipher.SetupRecipient(v.Mode, recipient, enc, info, psk, sender?.PublicKey);
        Hex(senderContext.Enc.ToArray()).ShouldBe(Hex(enc), "context enc");

        foreach (var encryption in v.Encryptions)
        {
            var at = $"sequence number {encryption.SequenceNumber}";
            senderContext.SequenceNumber = encryption.SequenceNumber;
            recipientContext.SequenceNumber = encryption.SequenceNumber;
            Hex(senderContext.ComputeNonce(encryption.SequenceNumber)).ShouldBe(Hex(encryption.Nonce), $"nonce at {at}");
            Hex(senderContext.Seal(encryption.Aad, encryption.Plaintext)).ShouldBe(Hex(encryption.Ciphertext), $"ct at {at}");
            Hex(recipientContext.Open(encryption.Aad, encryption.Ciphertext)).ShouldBe(Hex(encryption.Plaintext), $"pt at {at}");
            senderContext.SequenceNumber.ShouldBe(encryption.SequenceNumber + 1);
            recipientContext.SequenceNumber.ShouldBe(encryption.SequenceNumber + 1);
        }

        (v.Encryptions.Count == 0).ShouldBe(v.Suite.Aead == HpkeAead.ExportOnly);
        v.Exports.ShouldNotBeEmpty();
        foreach (var export in v.Exports)
        {
            var at = $"export of context {Hex(export.ExporterContext)}, L = {export.Length}";
            Hex(senderContext.Export(export.ExporterContext, export.Length)).ShouldBe(Hex(export.Value), $"sender {at}");
            Hex(recipientContext.Export(export.ExporterContext, export.Length)).ShouldBe(Hex(export.Value), $"recipient {at}");
        }
    }

    /// <summary>
    /// DeriveKeyPair(ikm) gives the vector's keys, and deserializing its private key gives the same key pair.
    /// RFC 9180 §7.1.2 has SerializePrivateKey clamp X25519 keys, while Appendix A prints them before
    /// clamping; clamping changes neither the public key nor any DH, so the private key is compared clamped.
    /// </summary>
    private static HpkeKeyPair DerivedKeyPairShouldMatch(HpkeCipher cipher, RfcVector v, string ikm, string sk, string pk)
    {
        var keyPair = cipher.DeriveKeyPair(v.Bytes(ikm));
        var expectedPrivate = v.Bytes(sk);
        if (cipher.Suite.Kem == HpkeKem.DhkemX25519HkdfSha256)
        {
            Clamp(expectedPrivate);
        }

        Hex(keyPair.SerializePrivateKey()).ShouldBe(Hex(expectedPrivate), $"{sk} from {ikm}");
        Hex(keyPair.PublicKey.Serialize()).ShouldBe(Hex(v.Bytes(pk)), $"{pk} from {ikm}");
        using var deserialized = cipher.DeserializePrivateKey(v.Bytes(sk));
        deserialized.PublicKey.ShouldBe(keyPair.PublicKey, $"public key of the deserialized {sk}");
        using var publicKey = cipher.DeserializePublicKey(v.Bytes(pk));
        publicKey.ShouldBe(keyPair.PublicKey, $"deserialized {pk}");
        return keyPair;
    }

    private static void Clamp(byte[] key)
    {
        key[0] &= 0xF8;
        key[31] &= 0x7F;
        key[31] |= 0x40;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
