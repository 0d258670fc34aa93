using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// A message opens only with exactly what it was sealed with: any flipped bit of ciphertext, associated data or
/// enc, another recipient key, another PSK or psk_id, another sender key, or other info is an
/// <see cref="HpkeOpenException"/> that hands back nothing.
/// </summary>
public sealed class TamperTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(12).WithQuietOnSuccess(true);

    private static readonly byte[] Info = "MLA request CN-MOJ → TH-OAG"u8.ToArray();
    private static readonly byte[] Aad = "request 2026/0042, part 1"u8.ToArray();
    private static readonly byte[] Plaintext = "Please hear the witness named in annex 2."u8.ToArray();

    /// <summary>One suite per KEM and per sealing AEAD, in the mode with every input (auth_psk) and the plainest (base).</summary>
    public static TheoryData<HpkeMode, HpkeKem, HpkeKdf, HpkeAead> Setups()
    {
        var data = new TheoryData<HpkeMode, HpkeKem, HpkeKdf, HpkeAead>();
        foreach (var mode in new[] { HpkeMode.Base, HpkeMode.AuthPsk })
        {
            data.Add(mode, HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm);
            data.Add(mode, HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305);
            data.Add(mode, HpkeKem.DhkemP521HkdfSha512, HpkeKdf.HkdfSha512, HpkeAead.Aes256Gcm);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void a_flipped_bit_anywhere_in_ciphertext_aad_or_enc_does_not_open(HpkeMode mode, HpkeKem kem, HpkeKdf kdf, HpkeAead aead)
    {
        using var setup = new Setup(mode, new HpkeSuite(kem, kdf, aead));
        var message = setup.Seal();

        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), position =>
        {
            Should.Throw<HpkeOpenException>(() => setup.Open(message.Enc.Span, Aad, Flip(message.Ciphertext.Span, position)));
            Should.Throw<HpkeOpenException>(() => setup.Open(message.Enc.Span, Flip(Aad, position), message.Ciphertext.Span));
            Should.Throw<HpkeOpenException>(() => setup.Open(Flip(message.Enc.Span, position), Aad, message.Ciphertext.Span));
        }).Check(Cases);

        setup.Open(message.Enc.Span, Aad, message.Ciphertext.Span).ShouldBe(Plaintext);
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void a_truncated_or_emptied_ciphertext_does_not_open(HpkeMode mode, HpkeKem kem, HpkeKdf kdf, HpkeAead aead)
    {
        using var setup = new Setup(mode, new HpkeSuite(kem, kdf, aead));
        var message = setup.Seal();

        Should.Throw<HpkeOpenException>(() => setup.Open(message.Enc.Span, Aad, message.Ciphertext.Span[..^1]));
        Should.Throw<HpkeOpenException>(() => setup.Open(message.Enc.Span, Aad, message.Ciphertext.Span[..15]));
        Should.Throw<HpkeOpenException>(() => setup.Open(message.Enc.Span, Aad, []));
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void another_recipient_key_does_not_open(HpkeMode mode, HpkeKem kem, HpkeKdf kdf, HpkeAead aead)
    {
        using var setup = new Setup(mode, new HpkeSuite(kem, kdf, aead));
        var message = setup.Seal();
        using var stranger = setup.Cipher.GenerateKeyPair();

        Should.Throw<HpkeOpenException>(() => setup.Cipher.Open(
            mode, stranger, message.Enc.Span, Info, Aad, message.Ciphertext.Span, setup.Psk, setup.Sender?.PublicKey));
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void other_info_does_not_open(HpkeMode mode, HpkeKem kem, HpkeKdf kdf, HpkeAead aead)
    {
        using var setup = new Setup(mode, new HpkeSuite(kem, kdf, aead));
        var message = setup.Seal();

        Should.Throw<HpkeOpenException>(() => setup.Cipher.Open(
            mode, setup.Recipient, message.Enc.Span, "MLA request CN-MOJ → VN-MPS"u8, Aad, message.Ciphertext.Span, setup.Psk, setup.Sender?.PublicKey));
    }

    [Theory]
    [InlineData(HpkeMode.Psk)]
    [InlineData(HpkeMode.AuthPsk)]
    public void another_psk_or_psk_id_does_not_open(HpkeMode mode)
    {
        using var setup = new Setup(mode, new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305));
        var message = setup.Seal();
        using var otherKey = new HpkePsk(RandomNumberGenerator.GetBytes(32), "psk-2026"u8);
        using var otherId = new HpkePsk(setup.PskKey, "psk-2027"u8);

        foreach (var psk in new[] { otherKey, otherId })
        {
            Should.Throw<HpkeOpenException>(() => setup.Cipher.Open(
                mode, setup.Recipient, message.Enc.Span, Info, Aad, message.Ciphertext.Span, psk, setup.Sender?.PublicKey));
        }
    }

    [Theory]
    [InlineData(HpkeMode.Auth, HpkeKem.DhkemX25519HkdfSha256)]
    [InlineData(HpkeMode.AuthPsk, HpkeKem.DhkemX25519HkdfSha256)]
    [InlineData(HpkeMode.Auth, HpkeKem.DhkemP256HkdfSha256)]
    [InlineData(HpkeMode.AuthPsk, HpkeKem.DhkemP256HkdfSha256)]
    public void a_message_from_another_sender_key_does_not_open(HpkeMode mode, HpkeKem kem)
    {
        using var setup = new Setup(mode, new HpkeSuite(kem, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm));
        var message = setup.Seal();
        using var impostor = setup.Cipher.GenerateKeyPair();

        Should.Throw<HpkeOpenException>(() => setup.Cipher.Open(
            mode, setup.Recipient, message.Enc.Span, Info, Aad, message.Ciphertext.Span, setup.Psk, impostor.PublicKey));
    }

    [Fact]
    public void a_message_that_does_not_open_leaves_the_context_at_the_same_sequence_number()
    {
        using var setup = new Setup(HpkeMode.Base, new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm));
        using var sender = setup.Cipher.SetupSender(HpkeMode.Base, setup.Recipient.PublicKey, Info);
        using var recipient = setup.Cipher.SetupRecipient(HpkeMode.Base, setup.Recipient, sender.Enc.Span, Info);
        var first = sender.Seal(Aad, "first"u8);
        var second = sender.Seal(Aad, "second"u8);

        Should.Throw<HpkeOpenException>(() => recipient.Open(Aad, second));
        Should.Throw<HpkeOpenException>(() => recipient.Open(Aad, Flip(first, 3)));
        recipient.SequenceNumber.ShouldBe(UInt128.Zero);

        recipient.Open(Aad, first).ShouldBe("first"u8.ToArray());
        recipient.Open(Aad, second).ShouldBe("second"u8.ToArray());
    }

    private static byte[] Flip(ReadOnlySpan<byte> bytes, int position)
    {
        var flipped = bytes.ToArray();
        var bit = position % (flipped.Length * 8);
        flipped[bit / 8] ^= (byte)(1 << (bit % 8));
        return flipped;
    }

    /// <summary>A recipient, and in the modes that take them a sender key and a PSK, for one suite.</summary>
    private sealed class Setup : IDisposable
    {
        public Setup(HpkeMode mode, HpkeSuite suite)
        {
            Mode = mode;
            Cipher = new HpkeCipher(suite);
            Recipient = Cipher.GenerateKeyPair();
            Sender = mode is HpkeMode.Auth or HpkeMode.AuthPsk ? Cipher.GenerateKeyPair() : null;
            PskKey = RandomNumberGenerator.GetBytes(32);
            Psk = mode is HpkeMode.Psk or HpkeMode.AuthPsk ? new HpkePsk(PskKey, "psk-2026"u8) : null;
        }

        public HpkeMode Mode { get; }

        public HpkeCipher Cipher { get; }

        public HpkeKeyPair Recipient { get; }

        public HpkeKeyPair? Sender { get; }

        public byte[] PskKey { get; }

        public HpkePsk? Psk { get; }

        public HpkeSealed Seal() => Cipher.Seal(Mode, Recipient.PublicKey, Info, Aad, Plaintext, Psk, Sender);

        public byte[] Open(ReadOnlySpan<byte> enc, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext) =>
            Cipher.Open(Mode, Recipient, enc, Info, aad, ciphertext, Psk, Sender?.PublicKey);

        public void Dispose()
        {
            Recipient.Dispose();
            Sender?.Dispose();
            Psk?.Dispose();
        }
    }
}
