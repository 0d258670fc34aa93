using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// Seals and signs messages from the authorities this node serves, in the strongest suite both sides hold. The
/// post-quantum suite when the recipient's confirmed bundle offers a post-quantum encryption key and the sender holds
/// Ed25519 and ML-DSA-65 signing keys: HPKE base mode to the recipient's MLKEM768-X25519 key, signed with both. Otherwise
/// the classical suite of the two authorities' keys: HPKE auth mode from the sender's active encryption key to the
/// recipient's (only the recipient opens it, and it knows which authority sealed it), signed with the sender's key. The
/// header is the associated data; the signature covers header and ciphertext (so the sender cannot deny it, and a relay
/// cannot re-address it).
/// </summary>
/// <remarks>
/// Recipients' public keys are parsed once (for P-256 checked and imported into a BCL key object) and kept, as the key store
/// keeps the senders' key pairs; disposing the sealer releases them.
/// </remarks>
public sealed class EnvelopeSealer(KeyStore own, PeerDirectory peers, IClock clock) : IDisposable
{
    private readonly KeyObjectCache<HpkePublicKey> _recipientKeys = new();

    /// <summary>HPKE's info: binds every envelope to this format, apart from any other use of the same keys.</summary>
    internal static readonly byte[] Info = "MlaFlow envelope v1"u8.ToArray();

    /// <exception cref="KeyRefusedException">The sender has no active keys here, or the recipient none in the peer directory.</exception>
    /// <exception cref="ArgumentException">The texts are empty or too long, the payload too large, or the two authorities share no suite.</exception>
    /// <exception cref="ObjectDisposedException">The sealer was disposed.</exception>
    public Envelope Seal(AuthorityId sender, AuthorityId recipient, string messageId, string requestId, string messageType, ReadOnlyMemory<byte> payload)
    {
        foreach (var (name, text) in new[] { (nameof(messageId), messageId), (nameof(requestId), requestId), (nameof(messageType), messageType) })
        {
            if (string.IsNullOrEmpty(text) || text.Length > EnvelopeHeader.MaxTextLength)
            {
                throw new ArgumentException($"The {name} has 1 to {EnvelopeHeader.MaxTextLength} characters.", name);
            }
        }

        var signing = own.CurrentSigningKey(sender);
        var created = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetCurrentInstant().ToUnixTimeMilliseconds());
        var (header, ciphertext) = PostQuantumSigningKey(sender, recipient, signing) is { } postQuantum
            ? SealPostQuantum(sender, recipient, signing, postQuantum, messageId, requestId, messageType, created, payload)
            : SealClassical(sender, recipient, signing, messageId, requestId, messageType, created, payload);
        if (ciphertext.Length > Envelope.MaxCiphertextLength)
        {
            throw new ArgumentException($"A payload of {payload.Length} bytes is more than an envelope carries; send files as attachments.", nameof(payload));
        }

        var signed = Envelope.SignedBytes(header, ciphertext);
        return header.SenderPostQuantumSigningKey is null
            ? new Envelope(header, ciphertext, signing.Sign(signed))
            : new Envelope(header, ciphertext, signing.Sign(signed), own.CurrentSigningKey(sender, postQuantum: true).Sign(signed));
    }

    // The post-quantum suite needs the recipient's post-quantum encryption key, and the sender's Ed25519 and ML-DSA-65 keys.
    private AuthorityKey? PostQuantumSigningKey(AuthorityId sender, AuthorityId recipient, OwnSigningKey signing) =>
        signing.Key.Suite == EnvelopeSuite.PostQuantum.Keys && peers.OfferedSuites(recipient).Contains(KeySuite.XWingMLDsa65)
            ? own.ActiveKey(sender, KeyUse.Signing, postQuantum: true)
            : null;

    private (EnvelopeHeader Header, byte[] Ciphertext) SealPostQuantum(
        AuthorityId sender, AuthorityId recipient, OwnSigningKey signing, AuthorityKey postQuantum, string messageId, string requestId, string messageType,
        DateTimeOffset created, ReadOnlyMemory<byte> payload)
    {
        var suite = EnvelopeSuite.PostQuantum;
        var recipientKey = peers.CurrentEncryptionKey(recipient, postQuantum: true);
        var cipher = new HpkeCipher(suite.Hpke);
        using var context = cipher.SetupSender(suite.Mode, RecipientHpkeKey(recipientKey), Info);
        var header = new EnvelopeHeader(EnvelopeHeader.CurrentVersion, suite, sender, null, signing.Id, recipient, recipientKey.Id,
            messageId, requestId, messageType, created, context.Enc.ToArray(), postQuantum.Id);
        return (header, context.Seal(header.Encode(), payload.Span));
    }

    private (EnvelopeHeader Header, byte[] Ciphertext) SealClassical(
        AuthorityId sender, AuthorityId recipient, OwnSigningKey signing, string messageId, string requestId, string messageType, DateTimeOffset created,
        ReadOnlyMemory<byte> payload)
    {
        var encryption = own.CurrentKey(sender, KeyUse.Encryption);
        var recipientKey = peers.CurrentEncryptionKey(recipient);
        if (recipientKey.Suite != encryption.Suite)
        {
            // HPKE's auth mode needs both keys on one curve.
            throw new ArgumentException($"{recipient} takes {recipientKey.Suite} keys and {sender}'s are {encryption.Suite}; generate {recipientKey.Suite} keys for {sender}.", nameof(recipient));
        }

        var suite = EnvelopeSuite.Of(encryption.Suite);
        var cipher = new HpkeCipher(suite.Hpke);
        var recipientHpkeKey = RecipientHpkeKey(recipientKey);
        return own.UseHpkeKeyPair(sender, encryption.Id, (senderKeys, _) =>
        {
            using var context = cipher.SetupSender(suite.Mode, recipientHpkeKey, Info, sender: senderKeys);
            var header = new EnvelopeHeader(EnvelopeHeader.CurrentVersion, suite, sender, encryption.Id, signing.Id, recipient, recipientKey.Id,
                messageId, requestId, messageType, created, context.Enc.ToArray());
            return (header, context.Seal(header.Encode(), payload.Span));
        });
    }

    /// <summary>Releases the recipients' public keys kept so far.</summary>
    public void Dispose() => _recipientKeys.Dispose();

    private HpkePublicKey RecipientHpkeKey(AuthorityKey recipientKey) => _recipientKeys.Get(recipientKey.Id, recipientKey.PublicKey.ToHpke);
}
