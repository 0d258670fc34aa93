using System.Security.Cryptography;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>Inputs that do not fit the suite or the mode are refused before anything is sealed, each with a message saying what is wrong.</summary>
public sealed class InputValidationTests
{
    private static readonly HpkeCipher X25519 = new(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm));
    private static readonly HpkeCipher P256 = new(new HpkeSuite(HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm));
    private static readonly HpkeCipher P521 = new(new HpkeSuite(HpkeKem.DhkemP521HkdfSha512, HpkeKdf.HkdfSha512, HpkeAead.Aes256Gcm));

    [Theory]
    [InlineData(HpkeKem.DhkemX25519HkdfSha256, 32, 32)]
    [InlineData(HpkeKem.DhkemP256HkdfSha256, 65, 32)]
    [InlineData(HpkeKem.DhkemP521HkdfSha512, 133, 66)]
    public void keys_of_the_wrong_length_are_refused(HpkeKem kem, int publicLength, int privateLength)
    {
        var cipher = new HpkeCipher(new HpkeSuite(kem, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm));
        cipher.PublicKeyLength.ShouldBe(publicLength);
        cipher.PrivateKeyLength.ShouldBe(privateLength);
        using var keyPair = cipher.GenerateKeyPair();

        foreach (var length in new[] { 0, publicLength - 1, publicLength + 1 })
        {
            var bytes = new byte[length];
            keyPair.PublicKey.Serialize().AsSpan(0, Math.Min(length, publicLength)).CopyTo(bytes);
            Should.Throw<ArgumentException>(() => cipher.DeserializePublicKey(bytes)).Message.ShouldContain($"{publicLength}");
        }

        foreach (var length in new[] { 0, privateLength - 1, privateLength + 1 })
        {
            Should.Throw<ArgumentException>(() => cipher.DeserializePrivateKey(new byte[length])).Message.ShouldContain($"{privateLength}");
        }
    }

    [Fact]
    public void a_p256_point_off_the_curve_is_refused()
    {
        using var keyPair = P256.GenerateKeyPair();
        var offCurve = keyPair.PublicKey.Serialize();
        offCurve[^1] ^= 0x01;

        Should.Throw<ArgumentException>(() => P256.DeserializePublicKey(offCurve)).Message.ShouldContain("not a point on the curve");
    }

    [Fact]
    public void a_compressed_or_otherwise_encoded_p256_point_is_refused()
    {
        using var keyPair = P256.GenerateKeyPair();
        var compressed = keyPair.PublicKey.Serialize();
        compressed[0] = 0x02;

        Should.Throw<ArgumentException>(() => P256.DeserializePublicKey(compressed)).Message.ShouldContain("uncompressed");
    }

    [Fact]
    public void an_enc_off_the_curve_does_not_open()
    {
        using var recipient = P256.GenerateKeyPair();
        var message = P256.Seal(HpkeMode.Base, recipient.PublicKey, [], [], "x"u8);
        var enc = message.Enc.ToArray();
        enc[^1] ^= 0x01;

        Should.Throw<HpkeOpenException>(() => P256.Open(HpkeMode.Base, recipient, enc, [], [], message.Ciphertext.Span)).Message.ShouldContain("enc");
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    public void a_p256_private_key_outside_one_to_order_minus_one_is_refused(string scalar)
    {
        Should.Throw<ArgumentException>(() => P256.DeserializePrivateKey(Convert.FromHexString(scalar))).Message.ShouldContain("curve order");
    }

    [Fact]
    public void the_largest_p256_private_key_is_accepted()
    {
        using var keyPair = P256.DeserializePrivateKey(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550"));

        keyPair.PublicKey.Serialize().Length.ShouldBe(65);
    }

    [Fact]
    public void the_curve_orders_are_those_the_bcl_knows()
    {
        foreach (var (group, curve) in new[] { (Messaging.Hpke.Primitives.NistCurveGroup.P256, ECCurve.NamedCurves.nistP256), (Messaging.Hpke.Primitives.NistCurveGroup.P521, ECCurve.NamedCurves.nistP521) })
        {
            using var key = ECDiffieHellman.Create(curve);
            group.Order.ToArray().ShouldBe(key.ExportExplicitParameters(false).Curve.Order, group.Name);
        }
    }

    // Small-order u-coordinates of Curve25519 (RFC 7748 §6.1 warns of them): DH with any of them is all zeros.
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")]
    public void an_x25519_public_key_of_small_order_is_refused_as_recipient_and_does_not_open_as_enc(string uHex)
    {
        var smallOrder = X25519.DeserializePublicKey(Convert.FromHexString(uHex));

        Should.Throw<ArgumentException>(() => X25519.SetupSender(HpkeMode.Base, smallOrder, [])).Message.ShouldContain("small order");

        using var recipient = X25519.GenerateKeyPair();
        Should.Throw<HpkeOpenException>(() => X25519.SetupRecipient(HpkeMode.Base, recipient, Convert.FromHexString(uHex), [])).Message.ShouldContain("small-order");
    }

    [Fact]
    public void an_enc_of_the_wrong_length_does_not_open()
    {
        using var recipient = X25519.GenerateKeyPair();

        Should.Throw<HpkeOpenException>(() => X25519.SetupRecipient(HpkeMode.Base, recipient, new byte[31], []));
    }

    [Theory]
    [InlineData(HpkeMode.Base)]
    [InlineData(HpkeMode.Auth)]
    public void a_psk_in_a_mode_without_one_is_refused(HpkeMode mode)
    {
        using var recipient = X25519.GenerateKeyPair();
        using var sender = mode == HpkeMode.Auth ? X25519.GenerateKeyPair() : null;
        using var psk = new HpkePsk(RandomNumberGenerator.GetBytes(32), "id"u8);

        Should.Throw<ArgumentException>(() => X25519.SetupSender(mode, recipient.PublicKey, [], psk, sender)).Message.ShouldContain("takes no PSK");
        Should.Throw<ArgumentException>(() => X25519.SetupRecipient(mode, recipient, new byte[32], [], psk, sender?.PublicKey)).Message.ShouldContain("takes no PSK");
    }

    [Theory]
    [InlineData(HpkeMode.Psk)]
    [InlineData(HpkeMode.AuthPsk)]
    public void a_psk_mode_without_a_psk_is_refused(HpkeMode mode)
    {
        using var recipient = X25519.GenerateKeyPair();
        using var sender = mode == HpkeMode.AuthPsk ? X25519.GenerateKeyPair() : null;

        Should.Throw<ArgumentException>(() => X25519.SetupSender(mode, recipient.PublicKey, [], null, sender)).Message.ShouldContain("needs a PSK");
    }

    [Fact]
    public void a_psk_needs_its_id_and_32_bytes()
    {
        Should.Throw<ArgumentException>(() => new HpkePsk(new byte[32], [])).Message.ShouldContain("psk_id");
        Should.Throw<ArgumentException>(() => new HpkePsk(new byte[31], "id"u8)).Message.ShouldContain("at least 32 bytes");
    }

    [Fact]
    public void the_rfc_psk_checks_refuse_a_psk_without_id_and_an_id_without_psk()
    {
        Should.Throw<ArgumentException>(() => Messaging.Hpke.Primitives.KeySchedule.VerifyPskInputs(HpkeMode.Psk, new byte[32], [])).Message.ShouldContain("Inconsistent");
        Should.Throw<ArgumentException>(() => Messaging.Hpke.Primitives.KeySchedule.VerifyPskInputs(HpkeMode.Base, [], "id"u8)).Message.ShouldContain("Inconsistent");
    }

    [Fact]
    public void auth_modes_need_the_sender_key_and_the_others_refuse_it()
    {
        using var recipient = X25519.GenerateKeyPair();
        using var sender = X25519.GenerateKeyPair();

        Should.Throw<ArgumentException>(() => X25519.SetupSender(HpkeMode.Auth, recipient.PublicKey, [])).Message.ShouldContain("needs the sender's key");
        Should.Throw<ArgumentException>(() => X25519.SetupRecipient(HpkeMode.Auth, recipient, new byte[32], [])).Message.ShouldContain("needs the sender's key");
        Should.Throw<ArgumentException>(() => X25519.SetupSender(HpkeMode.Base, recipient.PublicKey, [], null, sender)).Message.ShouldContain("takes no sender key");
    }

    [Fact]
    public void an_undefined_mode_is_refused()
    {
        using var recipient = X25519.GenerateKeyPair();

        Should.Throw<ArgumentOutOfRangeException>(() => X25519.SetupSender((HpkeMode)4, recipient.PublicKey, []));
    }

    [Fact]
    public void a_key_of_another_kem_is_refused()
    {
        using var p256Key = P256.GenerateKeyPair();

        Should.Throw<ArgumentException>(() => X25519.SetupSender(HpkeMode.Base, p256Key.PublicKey, [])).Message.ShouldContain("DHKEM(P-256, HKDF-SHA256) key");
    }

    [Fact]
    public void derive_key_pair_needs_at_least_nsk_bytes_and_is_deterministic()
    {
        Should.Throw<ArgumentException>(() => P521.DeriveKeyPair(new byte[65])).Message.ShouldContain("66");

        var ikm = RandomNumberGenerator.GetBytes(66);
        using var first = P521.DeriveKeyPair(ikm);
        using var second = P521.DeriveKeyPair(ikm);
        second.SerializePrivateKey().ShouldBe(first.SerializePrivateKey());
        second.PublicKey.ShouldBe(first.PublicKey);
    }

    [Fact]
    public void x25519_private_keys_are_clamped_on_deserialization_without_changing_the_public_key()
    {
        var unclamped = Convert.FromHexString("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

        using var keyPair = X25519.DeserializePrivateKey(unclamped);

        Convert.ToHexStringLower(keyPair.SerializePrivateKey()).ShouldBe("f8ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        using var again = X25519.DeserializePrivateKey(keyPair.SerializePrivateKey());
        again.PublicKey.ShouldBe(keyPair.PublicKey);
    }

    [Fact]
    public void a_key_pair_never_shows_its_private_key_and_forgets_it_when_disposed()
    {
        var keyPair = X25519.GenerateKeyPair();
        var privateHex = Convert.ToHexStringLower(keyPair.SerializePrivateKey());

        keyPair.ToString().ShouldNotContain(privateHex);
        keyPair.ToString().ShouldContain(Convert.ToHexStringLower(keyPair.PublicKey.Serialize()));
        keyPair.Dispose();
        Should.Throw<ObjectDisposedException>(() => keyPair.SerializePrivateKey());
    }

    [Fact]
    public void export_refuses_lengths_beyond_255_hash_lengths()
    {
        using var recipient = X25519.GenerateKeyPair();
        using var context = X25519.SetupSender(HpkeMode.Base, recipient.PublicKey, []);

        context.Export([], 255 * 32).Length.ShouldBe(255 * 32);
        Should.Throw<ArgumentOutOfRangeException>(() => context.Export([], 255 * 32 + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => context.Export([], -1));
    }

    [Fact]
    public void a_disposed_context_refuses_to_seal_and_export()
    {
        using var recipient = X25519.GenerateKeyPair();
        var context = X25519.SetupSender(HpkeMode.Base, recipient.PublicKey, []);
        context.Dispose();

        Should.Throw<ObjectDisposedException>(() => context.Seal([], "x"u8));
        Should.Throw<ObjectDisposedException>(() => context.Export([], 32));
    }

    [Theory]
    [InlineData(HpkeKem.MLKem768, HpkeMode.Auth)]
    [InlineData(HpkeKem.MLKem768X25519, HpkeMode.AuthPsk)]
    public void the_post_quantum_kems_refuse_the_auth_modes_they_do_not_have(HpkeKem kem, HpkeMode mode)
    {
        var cipher = new HpkeCipher(new HpkeSuite(kem, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));
        using var recipient = cipher.GenerateKeyPair();
        using var sender = cipher.GenerateKeyPair();

        cipher.HasAuthModes.ShouldBeFalse();
        Should.Throw<NotSupportedException>(() => cipher.SetupSender(mode, recipient.PublicKey, [], sender: sender)).Message.ShouldContain("has no authenticated mode");
        Should.Throw<NotSupportedException>(() => cipher.SetupRecipient(mode, recipient, new byte[cipher.EncLength], [], sender: sender.PublicKey));
    }

    [Theory]
    [InlineData(HpkeKem.MLKem768)]
    [InlineData(HpkeKem.MLKem768X25519)]
    public void a_post_quantum_enc_of_the_wrong_length_or_altered_does_not_open(HpkeKem kem)
    {
        var cipher = new HpkeCipher(new HpkeSuite(kem, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));
        using var recipient = cipher.GenerateKeyPair();
        var message = cipher.Seal(HpkeMode.Base, recipient.PublicKey, [], [], "payload"u8);
        var altered = message.Enc.ToArray();
        altered[^40] ^= 1;

        Should.Throw<HpkeOpenException>(() => cipher.Open(HpkeMode.Base, recipient, message.Enc.Span[1..], [], [], message.Ciphertext.Span)).Message.ShouldContain("encapsulates in");
        // ML-KEM rejects implicitly: an altered ciphertext decapsulates to another secret, which the AEAD then refuses.
        Should.Throw<HpkeOpenException>(() => cipher.Open(HpkeMode.Base, recipient, altered, [], [], message.Ciphertext.Span));
        cipher.Open(HpkeMode.Base, recipient, message.Enc.Span, [], [], message.Ciphertext.Span).ShouldBe("payload"u8.ToArray());
    }

    [Fact]
    public void a_post_quantum_public_key_of_the_wrong_length_or_failing_the_modulus_check_is_refused()
    {
        var cipher = new HpkeCipher(new HpkeSuite(HpkeKem.MLKem768X25519, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));
        Should.Throw<ArgumentException>(() => cipher.DeserializePublicKey(new byte[1215])).Message.ShouldContain("1216 bytes");
        // Coefficients are 12-bit values below q = 3329; all ones (4095) fails FIPS 203's modulus check.
        var overModulus = Enumerable.Repeat((byte)0xFF, 1216).ToArray();
        Should.Throw<ArgumentException>(() => cipher.DeserializePublicKey(overModulus)).Message.ShouldContain("modulus check");
        Should.Throw<ArgumentException>(() => cipher.DeserializePrivateKey(new byte[64])).Message.ShouldContain("32-byte seed");
    }
}
