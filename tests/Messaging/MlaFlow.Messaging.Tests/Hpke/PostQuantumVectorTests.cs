using System.Text.Json;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Hpke.Primitives;
using MlaFlow.Testing;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// The post-quantum vectors of <c>../shared/testdata/hpke-pq/</c>: every setup of draft-ietf-hpke-pq's file whose suite is
/// implemented is reproduced value by value (DeriveKeyPair from ikmR, enc and the shared secret from ikmE, the key schedule,
/// every encryption and export); every other is skipped, saying why. X-Wing's own file (draft-connolly-cfrg-xwing-kem)
/// checks the KEM alone: keys from the seed, encapsulation from eseed, decapsulation.
/// </summary>
public sealed class PostQuantumVectorTests
{
    private const string DraftFile = "hpke-pq/draft-ietf-hpke-pq.json";
    private const string XWingFile = "hpke-pq/draft-connolly-cfrg-xwing-kem.json";

    private const string SmallerOrLargerMLKem = "only ML-KEM-768 (NIST category 3, FIPS 203) is implemented, the ML-KEM of the envelope's hybrid";
    private const string OtherHybrid = "only the MLKEM768-X25519 hybrid is implemented; MlaFlow's authorities use X25519";
    private const string OneStageKdf = "the one-stage SHA-3 KDFs (SHAKE128 0x0010, SHAKE256 0x0011, TurboSHAKE 0x0012/0x0013) are not implemented; HKDF-SHA256 is the suites' KDF";
    private const string ClassicalKem = "a classical KEM RFC 9180's vectors already cover where implemented (P-384 and X448 are not)";

    /// <summary>The file's setups in order: (KEM, KDF, AEAD), and why one is skipped (null: reproduced).</summary>
    private static readonly (ushort Kem, ushort Kdf, ushort Aead, string? Skipped)[] Setups =
    [
        (0x0040, 0x0001, 0x0001, SmallerOrLargerMLKem),
        (0x0041, 0x0001, 0x0001, null),
        (0x0042, 0x0002, 0x0002, SmallerOrLargerMLKem),
        (0x0050, 0x0001, 0x0001, OtherHybrid),
        (0x647a, 0x0001, 0x0003, null),
        (0x0051, 0x0002, 0x0002, OtherHybrid),
        (0x0010, 0x0010, 0x0001, OneStageKdf),
        (0x0011, 0x0011, 0x0002, ClassicalKem),
        (0x0020, 0x0012, 0x0003, OneStageKdf),
        (0x0021, 0x0013, 0x0003, ClassicalKem),
        (0x0050, 0x0010, 0x0002, OtherHybrid),
        (0x647a, 0x0011, 0x0003, OneStageKdf),
        (0x0042, 0x0013, 0x0001, SmallerOrLargerMLKem),
    ];

    public static TheoryData<int> DraftSetups() => [.. Enumerable.Range(0, Setups.Length)];

    public static TheoryData<int> XWingVectors() => [0, 1, 2];

    [SkippableFact]
    public void the_table_of_setups_is_the_file_in_order()
    {
        var file = Load(DraftFile);
        file.Select(v => (v.KemId, v.KdfId, v.AeadId)).ShouldBe(Setups.Select(s => (s.Kem, s.Kdf, s.Aead)));
        Setups.Where(s => s.Skipped is null).Select(s => (HpkeKem)s.Kem).Distinct().ShouldBe([HpkeKem.MLKem768, HpkeKem.MLKem768X25519]);
        Setups.Where(s => s.Skipped is not null).Where(s => HpkeSuite.TryCreate(s.Kem, s.Kdf, s.Aead, out _, out _))
            .ShouldBeEmpty("a suite that is implemented is reproduced, not skipped");
    }

    [SkippableTheory]
    [MemberData(nameof(DraftSetups))]
    public void reproduces_the_draft_ietf_hpke_pq_vector(int index)
    {
        var setup = Setups[index];
        Skip.If(setup.Skipped is not null, $"Setup {index} (KEM 0x{setup.Kem:x4}, KDF 0x{setup.Kdf:x4}, AEAD 0x{setup.Aead:x4}) is skipped: {setup.Skipped}.");
        var v = Load(DraftFile)[index];
        v.Mode.ShouldBe(HpkeMode.Base, "the draft's vectors are all in base mode");
        var cipher = new HpkeCipher(v.Suite);
        var info = v.Bytes("info");

        using var recipient = cipher.DeriveKeyPair(v.Bytes("ikmR"));
        Hex(recipient.SerializePrivateKey()).ShouldBe(Hex(v.Bytes("skRm")), "skRm from ikmR");
        Hex(recipient.PublicKey.Serialize()).ShouldBe(Hex(v.Bytes("pkRm")), "pkRm from ikmR");
        using (var deserialized = cipher.DeserializePrivateKey(v.Bytes("skRm")))
        {
            deserialized.PublicKey.ShouldBe(recipient.PublicKey, "public key of the deserialized skRm");
        }

        var enc = v.Bytes("enc");
        var (sharedSecret, encapsulated) = cipher.Kem.EncapDerandomized(cipher.DeserializePublicKey(v.Bytes("pkRm")), null, v.Bytes("ikmE"));
        Hex(encapsulated).ShouldBe(Hex(enc), "enc from ikmE");
        Hex(sharedSecret).ShouldBe(Hex(v.Bytes("shared_secret")), "shared_secret (Encap)");
        Hex(cipher.Kem.Decap(enc, recipient, null)).ShouldBe(Hex(sharedSecret), "shared_secret (Decap)");

        var secrets = KeySchedule.Derive(cipher.Kdf, cipher.Aead, v.Mode, sharedSecret, info, [], []);
        Hex(secrets.Key).ShouldBe(Hex(v.Bytes("key")), "key");
        Hex(secrets.BaseNonce).ShouldBe(Hex(v.Bytes("base_nonce")), "base_nonce");
        Hex(secrets.ExporterSecret).ShouldBe(Hex(v.Bytes("exporter_secret")), "exporter_secret");

        using var senderContext = cipher.SetupSender(v.Mode, recipient.PublicKey, info, null, null, v.Bytes("ikmE"));
        using var recipientContext = cipher.SetupRecipient(v.Mode, recipient, enc, info);
        Hex(senderContext.Enc.ToArray()).ShouldBe(Hex(enc), "context enc");
        v.Encryptions.Count.ShouldBe(10);
        foreach (var encryption in v.Encryptions)
        {
            var at = $"sequence number {encryption.SequenceNumber}";
            Hex(senderContext.ComputeNonce(encryption.SequenceNumber)).ShouldBe(Hex(encryption.Nonce), $"nonce at {at}");
            Hex(senderContext.Seal(encryption.Aad, encryption.Plaintext)).ShouldBe(Hex(encryption.Ciphertext), $"ct at {at}");
            Hex(recipientContext.Open(encryption.Aad, encryption.Ciphertext)).ShouldBe(Hex(encryption.Plaintext), $"pt at {at}");
        }

        v.Exports.Count.ShouldBe(5);
        foreach (var export in v.Exports)
        {
            var at = $"export of context {Hex(export.ExporterContext)}, L = {export.Length}";
            Hex(senderContext.Export(export.ExporterContext, export.Length)).ShouldBe(Hex(export.Value), $"sender {at}");
            Hex(recipientContext.Export(export.ExporterContext, export.Length)).ShouldBe(Hex(export.Value), $"recipient {at}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(XWingVectors))]
    public void reproduces_the_x_wing_kem_vector(int index)
    {
        var v = XWing(index);
        var cipher = new HpkeCipher(new HpkeSuite(HpkeKem.MLKem768X25519, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305));

        // X-Wing's GenerateKeyPairDerand(seed) is HPKE's DeserializePrivateKey: the private key is the seed.
        Hex(v("seed")).ShouldBe(Hex(v("sk")));
        using var recipient = cipher.DeserializePrivateKey(v("sk"));
        Hex(recipient.PublicKey.Serialize()).ShouldBe(Hex(v("pk")), "pk from the seed");

        var (sharedSecret, ciphertext) = cipher.Kem.EncapDerandomized(cipher.DeserializePublicKey(v("pk")), null, v("eseed"));
        Hex(ciphertext).ShouldBe(Hex(v("ct")), "ct from eseed");
        Hex(sharedSecret).ShouldBe(Hex(v("ss")), "ss (EncapsulateDerand)");
        Hex(cipher.Kem.Decap(v("ct"), recipient, null)).ShouldBe(Hex(v("ss")), "ss (Decapsulate)");
    }

    [SkippableFact]
    public void the_x_wing_file_holds_the_three_vectors_tested()
    {
        using var stream = File.OpenRead(SharedTestData.Require(XWingFile));
        JsonDocument.Parse(stream).RootElement.GetArrayLength().ShouldBe(XWingVectors().Count);
    }

    private static IReadOnlyList<RfcVector> Load(string file)
    {
        using var stream = File.OpenRead(SharedTestData.Require(file));
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.EnumerateArray().Select(e => new RfcVector(e.Clone()))];
    }

    private static Func<string, byte[]> XWing(int index)
    {
        using var stream = File.OpenRead(SharedTestData.Require(XWingFile));
        var vector = JsonDocument.Parse(stream).RootElement[index].Clone();
        return field => Convert.FromHexString(vector.GetProperty(field).GetString()!);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
