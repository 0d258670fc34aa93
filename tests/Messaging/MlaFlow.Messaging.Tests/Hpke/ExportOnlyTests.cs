using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>The export-only AEAD (0xFFFF) derives shared secrets and refuses, clearly, to seal or open.</summary>
public sealed class ExportOnlyTests
{
    private static readonly HpkeCipher Cipher = new(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ExportOnly));

    [Fact]
    public void single_shot_seal_and_open_are_refused()
    {
        using var recipient = Cipher.GenerateKeyPair();

        Should.Throw<NotSupportedException>(() => Cipher.Seal(HpkeMode.Base, recipient.PublicKey, [], [], "x"u8)).Message.ShouldContain("export-only");
        Should.Throw<NotSupportedException>(() => Cipher.Open(HpkeMode.Base, recipient, new byte[32], [], [], new byte[17])).Message.ShouldContain("export-only");
    }

    [Fact]
    public void contexts_export_the_same_secret_at_both_ends_but_do_not_seal_or_open()
    {
        using var recipient = Cipher.GenerateKeyPair();
        using var sender = Cipher.SetupSender(HpkeMode.Base, recipient.PublicKey, "info"u8);
        using var receiver = Cipher.SetupRecipient(HpkeMode.Base, recipient, sender.Enc.Span, "info"u8);

        receiver.Export("attachment key"u8, 32).ShouldBe(sender.Export("attachment key"u8, 32));
        receiver.Export("other"u8, 32).ShouldNotBe(sender.Export("attachment key"u8, 32));
        Should.Throw<NotSupportedException>(() => sender.Seal([], "x"u8));
        Should.Throw<NotSupportedException>(() => receiver.Open([], new byte[17]));
    }
}
