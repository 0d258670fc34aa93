using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>A context never reuses a nonce: after sequence number 2^96 - 2 it refuses further messages (RFC 9180 §5.2).</summary>
public sealed class MessageLimitTests
{
    private static readonly UInt128 Limit = (UInt128.One << 96) - 1;

    [Fact]
    public void the_last_sequence_number_before_the_limit_seals_and_opens_and_the_next_message_is_refused()
    {
        var cipher = new HpkeCipher(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305));
        using var recipient = cipher.GenerateKeyPair();
        using var sender = cipher.SetupSender(HpkeMode.Base, recipient.PublicKey, []);
        using var receiver = cipher.SetupRecipient(HpkeMode.Base, recipient, sender.Enc.Span, []);
        sender.SequenceNumber = Limit - 1;
        receiver.SequenceNumber = Limit - 1;

        var last = sender.Seal([], "last"u8);
        receiver.Open([], last).ShouldBe("last"u8.ToArray());

        sender.SequenceNumber.ShouldBe(Limit);
        Should.Throw<HpkeMessageLimitException>(() => sender.Seal([], "one too many"u8));
        Should.Throw<HpkeMessageLimitException>(() => receiver.Open([], last));
        sender.SequenceNumber.ShouldBe(Limit);
    }

    [Fact]
    public void the_nonce_at_the_last_sequence_number_is_the_base_nonce_with_all_96_bits_flipped()
    {
        var cipher = new HpkeCipher(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm));
        using var recipient = cipher.GenerateKeyPair();
        using var sender = cipher.SetupSender(HpkeMode.Base, recipient.PublicKey, []);

        var first = sender.ComputeNonce(UInt128.Zero);
        var last = sender.ComputeNonce(Limit);

        last.ShouldBe(first.Select(b => (byte)~b).ToArray());
    }
}
