using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// For every supported suite in every mode, with fresh random keys: what one end seals the other opens, both
/// ends export the same secrets, and keys survive serialization. FsCheck's own runner, a few cases each, so
/// the 128 combinations stay fast; P-521 gets fewer, as each of its setups costs some 15 ms.
/// </summary>
public sealed class RoundTripProperties
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(6).WithQuietOnSuccess(true);
    private static readonly Config SlowKemCases = Cases.WithMaxTest(3);

    public static TheoryData<HpkeMode, HpkeKem, HpkeKdf, HpkeAead> SuitesAndModes()
    {
        var data = new TheoryData<HpkeMode, HpkeKem, HpkeKdf, HpkeAead>();
        foreach (var suite in HpkeSuite.Supported)
        {
            // The post-quantum KEMs have no auth modes (InputValidationTests checks they are refused).
            foreach (var mode in Enum.GetValues<HpkeMode>().Where(m => new HpkeCipher(suite).HasAuthModes || m is HpkeMode.Base or HpkeMode.Psk))
            {
                data.Add(mode, suite.Kem, suite.Kdf, suite.Aead);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SuitesAndModes))]
    public void what_the_sender_seals_the_recipient_opens_and_both_export_the_same_secrets(HpkeMode mode, HpkeKem kem, HpkeKdf kdf, HpkeAead aead)
    {
        var cipher = new HpkeCipher(new HpkeSuite(kem, kdf, aead));

        Prop.ForAll(RoundTripInput.Arbitrary, input =>
        {
            using var recipient = cipher.GenerateKeyPair();
            using var sender = mode is HpkeMode.Auth or HpkeMode.AuthPsk ? cipher.GenerateKeyPair() : null;
            using var psk = mode is HpkeMode.Psk or HpkeMode.AuthPsk
                ? new HpkePsk(RandomNumberGenerator.GetBytes(32 + input.Info.Length % 33), RandomNumberGenerator.GetBytes(1 + input.Info.Length % 16))
                : null;

            using var senderContext = cipher.SetupSender(mode, recipient.PublicKey, input.Info, psk, sender);
            senderContext.Enc.Length.ShouldBe(cipher.EncLength);
            using var recipientContext = cipher.SetupRecipient(mode, recipient, senderContext.Enc.Span, input.Info, psk, sender?.PublicKey);

            if (aead != HpkeAead.ExportOnly)
            {
                foreach (var (aad, plaintext) in input.Messages)
                {
                    var ciphertext = senderContext.Seal(aad, plaintext);
                    ciphertext.Length.ShouldBe(plaintext.Length + 16);
                    recipientContext.Open(aad, ciphertext).ShouldBe(plaintext);
                }

                var (firstAad, firstPlaintext) = input.Messages[0];
                var single = cipher.Seal(mode, recipient.PublicKey, input.Info, firstAad, firstPlaintext, psk, sender);
                cipher.Open(mode, recipient, single.Enc.Span, input.Info, firstAad, single.Ciphertext.Span, psk, sender?.PublicKey).ShouldBe(firstPlaintext);
            }

            var exported = senderContext.Export(input.ExporterContext, input.ExportLength);
            exported.Length.ShouldBe(input.ExportLength);
            recipientContext.Export(input.ExporterContext, input.ExportLength).ShouldBe(exported);

            using var restored = cipher.DeserializePrivateKey(recipient.SerializePrivateKey());
            restored.PublicKey.ShouldBe(recipient.PublicKey);
            using var publicKey = cipher.DeserializePublicKey(recipient.PublicKey.Serialize());
            publicKey.ShouldBe(recipient.PublicKey);
        }).Check(kem == HpkeKem.DhkemP521HkdfSha512 ? SlowKemCases : Cases);
    }
}
