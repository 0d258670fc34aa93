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
/// <remarks>
/// Senders' public encryption keys are parsed once (for P-256 checked and imported into a BCL key object) and kept, as the
/// key store keeps the recipients' key pairs; disposing the opener releases them.
/// </remarks>
public sealed class EnvelopeOpener(KeyStore own, PeerDirectory peers, IAcceptedMessages accepted, IClock clock, Duration window) : IDisposable
{
    private readonly KeyObjectCache<HpkePublicKey> _senderKeys = new();

    /// <exception cref="EnvelopeRefusedException">The envelope is refused; <see cref="EnvelopeRefusedException.Reason"/> says why.</exception>
    /// <exception cref="ObjectDisposedException">The opener was disposed.</exception>
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

        VerifySignatures(envelope);
        if (fresh)
        {
            RefuseDowngrade(header);
            await CheckFreshAsync(header, cancellationToken);
        }

        // Auth mode authenticates the sender's encryption key too; the post-quantum suite's base mode has none.
        var senderEncryption = header.SenderEncryptionKey is { } senderKey ? SenderKey(header, senderKey, KeyOperation.Decrypt, header.Suite.Keys) : null;
        var cipher = new HpkeCipher(header.Suite.Hpke);
        try
        {
            var payload = own.UseHpkeKeyPair(header.Recipient, header.RecipientKey, (recipientKeys, key) =>
            {
                if (key.Suite != header.Suite.RecipientKeys)
                {
                    throw Refused(EnvelopeRefusal.RecipientKeyRefused, $"{header.Recipient}'s key {header.RecipientKey} is a {key.Suite} key, not one {header.Suite} is sealed to.");
                }

                return cipher.Open(header.Suite.Mode, recipientKeys, header.Enc.Span, EnvelopeSealer.Info, header.Encode(), envelope.Ciphertext.Span,
                    sender: senderEncryption is null ? null : _senderKeys.Get(senderEncryption.Id, senderEncryption.PublicKey.ToHpke));
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

    /// <summary>Releases the senders' public keys kept so far.</summary>
    public void Dispose() => _senderKeys.Dispose();

    // Every signature the suite has must verify: Ed25519 or ECDSA, and in the post-quantum suite ML-DSA-65 too.
    private void VerifySignatures(Envelope envelope)
    {
        var header = envelope.Header;
        var signed = Envelope.SignedBytes(header, envelope.Ciphertext.Span);
        var signing = SenderKey(header, header.SenderSigningKey, KeyOperation.Verify, header.Suite.Keys);
        if (!signing.Verify(signed, envelope.Signature.Span))
        {
            throw Refused(EnvelopeRefusal.BadSignature, $"The signature does not verify with {header.Sender}'s key {header.SenderSigningKey}.");
        }

        if (header.Suite.IsPostQuantum)
        {
            var postQuantumId = header.SenderPostQuantumSigningKey!;
            var postQuantum = SenderKey(header, postQuantumId, KeyOperation.Verify, header.Suite.PostQuantumKeys);
            if (!postQuantum.Verify(signed, envelope.PostQuantumSignature.Span))
            {
                throw Refused(EnvelopeRefusal.BadSignature, $"The post-quantum signature does not verify with {header.Sender}'s key {postQuantumId}.");
            }
        }
    }

    // Once both sides hold post-quantum keys, a classical envelope between them is what an attacker who wants to record
    // it for a later quantum computer would ask for: the recipient takes none.
    private void RefuseDowngrade(EnvelopeHeader header)
    {
        if (!header.Suite.IsPostQuantum
            && own.ActiveKey(header.Recipient, KeyUse.Encryption, postQuantum: true) is not null
            && peers.OfferedSuites(header.Sender).Contains(KeySuite.XWingMLDsa65))
        {
            throw Refused(EnvelopeRefusal.Downgrade,
                $"Refused as a downgrade: {header.Recipient} has published post-quantum keys and {header.Sender}'s confirmed bundle offers them too, " +
                $"so a {header.Suite} envelope between them is not taken; seal it with {EnvelopeSuite.PostQuantum} (import {header.Recipient}'s newest bundle).");
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

    // A sender key must be the sender's, of the suite the envelope says, for the right use and not revoked; retired keys
    // still count, so messages sealed just before a rotation arrive.
    private AuthorityKey SenderKey(EnvelopeHeader header, KeyId id, KeyOperation operation, KeySuite suite)
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

        return key.Suite == suite ? key
            : throw Refused(EnvelopeRefusal.SenderKeyRefused, $"{header.Sender}'s key {id} is a {key.Suite} key, not the {suite} key a {header.Suite} envelope needs.");
    }

    private static EnvelopeRefusedException Refused(EnvelopeRefusal reason, string message, Exception? inner = null) => new(reason, message, inner);
}
