using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Keys;
using NodaTime;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// Checks and opens envelopes addressed to the authorities this node serves, refusing each bad one with a precise
/// reason. The order matters: nothing is decrypted, and no message id is looked up, before the sender's signature
/// verifies, so a forger can neither probe keys nor burn another sender's message ids.
/// </summary>
/// <param name="own">The served authorities' keys.</param>
/// <param name="peers">The other authorities' public keys.</param>
/// <param name="accepted">Message ids taken already.</param>
/// <param name="clock">This node's time.</param>
/// <param name="window">How far an envelope's creation time may be from this node's time, either way.</param>
public sealed class EnvelopeOpener(KeyStore own, PeerDirectory peers, IAcceptedMessages accepted, IClock clock, Duration window)
{
    /// <exception cref="EnvelopeRefusedException">The envelope is refused; <see cref="EnvelopeRefusedException.Reason"/> says why.</exception>
    public Task<OpenedEnvelope> OpenAsync(Envelope envelope, CancellationToken cancellationToken = default) => OpenAsync(envelope, fresh: true, cancellationToken);

    /// <summary>
    /// Opens again an envelope this node accepted earlier and kept as it arrived (its exchange inbox), to deliver it once
    /// the files it announced are complete. Everything is checked again but its age and whether it was taken before,
    /// which are true of every kept envelope.
    /// </summary>
    /// <exception cref="EnvelopeRefusedException">As for <see cref="OpenAsync(Envelope, CancellationToken)"/>, e.g. a key revoked since.</exception>
    public Task<OpenedEnvelope> OpenAcceptedAsync(Envelope envelope, CancellationToken cancellationToken = default) => OpenAsync(envelope, fresh: false, cancellationToken);

    private async Task<OpenedEnvelope> OpenAsync(Envelope envelope, bool fresh, CancellationToken cancellationToken)
    {
        var header = envelope.Header;
        if (header.Version != EnvelopeHeader.CurrentVersion)
        {
            throw Refused(EnvelopeRefusal.UnsupportedVersion, $"Envelope version {header.Version} is not read here; this node reads version {EnvelopeHeader.CurrentVersion}.");
        }

        if (!own.Authorities.Contains(header.Recipient))
        {
            throw Refused(EnvelopeRefusal.WrongRecipient, $"This node does not serve {header.Recipient}.");
        }

        var signing = SenderKey(header, header.SenderSigningKey, KeyOperation.Verify);
        if (!signing.Verify(Envelope.SignedBytes(header, envelope.Ciphertext.Span), envelope.Signature.Span))
        {
            throw Refused(EnvelopeRefusal.BadSignature, $"The signature does not verify with {header.Sender}'s key {header.SenderSigningKey}.");
        }

        if (fresh)
        {
            await CheckFreshAsync(header, cancellationToken);
        }

        var senderEncryption = SenderKey(header, header.SenderEncryptionKey, KeyOperation.Decrypt);
        var cipher = new HpkeCipher(header.Suite.Hpke);
        try
        {
            var payload = own.UseDecryptionKey(header.Recipient, header.RecipientKey, (privateKey, key) =>
            {
                if (key.Suite != header.Suite.Keys)
                {
                    throw Refused(EnvelopeRefusal.RecipientKeyRefused, $"{header.Recipient}'s key {header.RecipientKey} is a {key.Suite} key, not {header.Suite}.");
                }

                using var recipientKeys = cipher.DeserializePrivateKey(privateKey);
                return cipher.Open(HpkeMode.Auth, recipientKeys, header.Enc.Span, EnvelopeSealer.Info, header.Encode(), envelope.Ciphertext.Span,
                    sender: cipher.DeserializePublicKey(senderEncryption.PublicKey.Bytes));
            });
            return new OpenedEnvelope(header, payload);
        }
        catch (KeyRefusedException e)
        {
            throw Refused(EnvelopeRefusal.RecipientKeyRefused, e.Message, e);
        }
        catch (HpkeOpenException e)
        {
            throw Refused(EnvelopeRefusal.NotDecryptable, $"The payload of message {header.MessageId} does not open: altered, or not sealed by {header.Sender} to {header.Recipient}'s key.", e);
        }
    }

    private async Task CheckFreshAsync(EnvelopeHeader header, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var created = Instant.FromDateTimeOffset(header.CreatedAt);
        if (created < now - window || created > now + window)
        {
            throw Refused(EnvelopeRefusal.Stale, $"Created at {EnvelopeHeader.Timestamp(header.CreatedAt)}, outside {window.TotalMinutes:0} minutes of this node's time ({now}).");
        }

        if (await accepted.ContainsAsync(header.Sender, header.MessageId, cancellationToken))
        {
            throw Refused(EnvelopeRefusal.Replayed, $"Message {header.MessageId} from {header.Sender} was accepted already.");
        }
    }

    // A sender key must be the sender's, of the envelope's suite, for the right use and not revoked; retired keys
    // still count, so messages sealed just before a rotation arrive.
    private AuthorityKey SenderKey(EnvelopeHeader header, KeyId id, KeyOperation operation)
    {
        var key = peers.Keys(header.Sender).FirstOrDefault(k => k.Id == id)
            ?? throw Refused(EnvelopeRefusal.SenderKeyRefused, peers.Keys(header.Sender).Count == 0
                ? $"{header.Sender} is not in the peer directory; import its public keys with keys import-peer."
                : $"{header.Sender} has no key {id} in the peer directory; import its newer bundle.");
        try
        {
            key.EnsureUsableFor(operation);
        }
        catch (KeyRefusedException e)
        {
            throw Refused(EnvelopeRefusal.SenderKeyRefused, e.Message, e);
        }

        return key.Suite == header.Suite.Keys ? key
            : throw Refused(EnvelopeRefusal.SenderKeyRefused, $"{header.Sender}'s key {id} is a {key.Suite} key, not {header.Suite}.");
    }

    private static EnvelopeRefusedException Refused(EnvelopeRefusal reason, string message, Exception? inner = null) => new(reason, message, inner);
}
