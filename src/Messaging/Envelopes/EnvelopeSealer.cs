using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// Seals and signs messages from the authorities this node serves: HPKE auth mode from the sender's active
/// encryption key to the recipient's active one (so only the recipient opens it, and it knows which authority
/// sealed it), the header as associated data, then the sender's signature over header and ciphertext (so the
/// sender cannot deny it, and a relay cannot re-address it).
/// </summary>
public sealed class EnvelopeSealer(KeyStore own, PeerDirectory peers, IClock clock)
{
    /// <summary>HPKE's info: binds every envelope to this format, apart from any other use of the same keys.</summary>
    internal static readonly byte[] Info = "MlaFlow envelope v1"u8.ToArray();

    /// <exception cref="KeyRefusedException">The sender has no active keys here, or the recipient none in the peer directory.</exception>
    /// <exception cref="ArgumentException">The texts are empty or too long, the payload too large, or the two authorities' keys are of different suites.</exception>
    public Envelope Seal(AuthorityId sender, AuthorityId recipient, string messageId, string requestId, string messageType, ReadOnlyMemory<byte> payload)
    {
        foreach (var (name, text) in new[] { (nameof(messageId), messageId), (nameof(requestId), requestId), (nameof(messageType), messageType) })
        {
            if (string.IsNullOrEmpty(text) || text.Length > EnvelopeHeader.MaxTextLength)
            {
                throw new ArgumentException($"The {name} has 1 to {EnvelopeHeader.MaxTextLength} characters.", name);
            }
        }

        var encryption = own.CurrentKey(sender, KeyUse.Encryption);
        var signing = own.CurrentSigningKey(sender);
        var recipientKey = peers.CurrentEncryptionKey(recipient);
        if (recipientKey.Suite != encryption.Suite)
        {
            // HPKE's auth mode needs both keys on one curve.
            throw new ArgumentException($"{recipient} takes {recipientKey.Suite} keys and {sender}'s are {encryption.Suite}; generate {recipientKey.Suite} keys for {sender}.", nameof(recipient));
        }

        var suite = EnvelopeSuite.Of(encryption.Suite);
        var cipher = new HpkeCipher(suite.Hpke);
        var created = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetCurrentInstant().ToUnixTimeMilliseconds());
        var (header, ciphertext) = own.UseDecryptionKey(sender, encryption.Id, (privateKey, _) =>
        {
            using var senderKeys = cipher.DeserializePrivateKey(privateKey);
            using var context = cipher.SetupSender(HpkeMode.Auth, cipher.DeserializePublicKey(recipientKey.PublicKey.Bytes), Info, sender: senderKeys);
            var sealedHeader = new EnvelopeHeader(EnvelopeHeader.CurrentVersion, suite, sender, encryption.Id, signing.Id, recipient, recipientKey.Id,
                messageId, requestId, messageType, created, context.Enc.ToArray());
            return (sealedHeader, context.Seal(sealedHeader.Encode(), payload.Span));
        });
        if (ciphertext.Length > Envelope.MaxCiphertextLength)
        {
            throw new ArgumentException($"A payload of {payload.Length} bytes is more than an envelope carries; send files as attachments.", nameof(payload));
        }

        return new Envelope(header, ciphertext, signing.Sign(Envelope.SignedBytes(header, ciphertext)));
    }
}
