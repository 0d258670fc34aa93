using System.Security.Cryptography;
using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// HPKE (RFC 9180) for one <see cref="HpkeSuite"/>: the KEM's key functions, the sender's and recipient's
/// setups in the four modes, and single-shot seal and open. Stateless and thread-safe; the contexts it
/// returns are not.
/// </summary>
/// <remarks>
/// Inputs are checked against the mode before any work: the PSK modes need an <see cref="HpkePsk"/> and the
/// others refuse one (VerifyPSKInputs, §5.1); the auth modes need the sender's key and the others refuse it.
/// </remarks>
public sealed class HpkeCipher
{
    private readonly Kem _kem;
    private readonly LabeledHkdf _kdf;
    private readonly AeadAlgorithm _aead;

    /// <summary>HPKE with <paramref name="suite"/>.</summary>
    public HpkeCipher(HpkeSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        Suite = suite;
        _kem = Kem.For(suite.Kem);
        _kdf = new LabeledHkdf(suite.Kdf, SuiteIds.Hpke(suite));
        _aead = AeadAlgorithm.For(suite.Aead);
    }

    /// <summary>The suite.</summary>
    public HpkeSuite Suite { get; }

    /// <summary>Nenc: the length of an <c>enc</c> for this suite's KEM.</summary>
    public int EncLength => _kem.EncSize;

    /// <summary>Npk: the length of a serialized public key.</summary>
    public int PublicKeyLength => _kem.PublicKeySize;

    /// <summary>Nsk: the length of a serialized private key.</summary>
    public int PrivateKeyLength => _kem.PrivateKeySize;

    /// <summary>
    /// Whether the suite's KEM has the auth and auth_psk modes: the DHKEMs do; the post-quantum KEMs do not
    /// (draft-ietf-hpke-pq), so their senders authenticate by a PSK or a signature.
    /// </summary>
    public bool HasAuthModes => _kem.HasAuthMode;

    internal LabeledHkdf Kdf => _kdf;

    internal AeadAlgorithm Aead => _aead;

    internal Kem Kem => _kem;

    /// <summary>A new random key pair of the suite's KEM.</summary>
    public HpkeKeyPair GenerateKeyPair() => _kem.GenerateKeyPair();

    /// <summary>
    /// DeriveKeyPair (RFC 9180 §7.1.3): the key pair that <paramref name="ikm"/> determines. The ikm must hold at
    /// least Nsk bytes of entropy; the same ikm always gives the same keys.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ikm"/> is shorter than Nsk bytes.</exception>
    public HpkeKeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm)
    {
        if (ikm.Length < PrivateKeyLength)
        {
            throw new ArgumentException($"DeriveKeyPair needs at least Nsk = {PrivateKeyLength} bytes of input keying material (RFC 9180 §7.1.3), not {ikm.Length}.", nameof(ikm));
        }

        return _kem.DeriveKeyPair(ikm);
    }

    /// <summary>DeserializePublicKey (RFC 9180 §7.1.1), checking the key: a NIST curve point must be on its curve.</summary>
    /// <exception cref="ArgumentException">Wrong length, or not a valid point.</exception>
    public HpkePublicKey DeserializePublicKey(ReadOnlySpan<byte> encoded) => _kem.DeserializePublicKey(encoded, nameof(encoded));

    /// <summary>
    /// DeserializePrivateKey (RFC 9180 §7.1.2), with the public key computed from it. X25519 keys are clamped;
    /// NIST curve scalars must lie in [1, order - 1].
    /// </summary>
    /// <exception cref="ArgumentException">Wrong length, or not a valid scalar.</exception>
    public HpkeKeyPair DeserializePrivateKey(ReadOnlySpan<byte> encoded) => _kem.DeserializePrivateKey(encoded, nameof(encoded));

    /// <summary>
    /// SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS (RFC 9180 §5.1.1 to §5.1.4) with a fresh ephemeral key.
    /// </summary>
    /// <param name="mode">The mode; it decides which of <paramref name="psk"/> and <paramref name="sender"/> are required.</param>
    /// <param name="recipient">The recipient's public key (pkR).</param>
    /// <param name="info">Application-supplied information the recipient must also supply.</param>
    /// <param name="psk">The pre-shared key, in the PSK modes only.</param>
    /// <param name="sender">The sender's key pair (skS), in the auth modes only.</param>
    /// <exception cref="ArgumentException">An input does not fit the mode or the suite's KEM, or the recipient's key is of small order.</exception>
    /// <exception cref="NotSupportedException">An auth mode with a KEM that has none (<see cref="HasAuthModes"/>).</exception>
    public HpkeSenderContext SetupSender(HpkeMode mode, HpkePublicKey recipient, ReadOnlySpan<byte> info, HpkePsk? psk = null, HpkeKeyPair? sender = null) =>
        SetupSender(mode, recipient, info, psk, sender, ikmE: null);

    /// <summary>SetupS with the encapsulation's randomness given: only tests may fix it (the vectors' ikmE).</summary>
    internal HpkeSenderContext SetupSender(HpkeMode mode, HpkePublicKey recipient, ReadOnlySpan<byte> info, HpkePsk? psk, HpkeKeyPair? sender, byte[]? ikmE)
    {
        CheckInputs(mode, psk, sender is not null, nameof(sender));
        OwnKem(recipient.Kem, nameof(recipient));
        if (sender is not null)
        {
            OwnKem(sender.Kem, nameof(sender));
        }

        var (sharedSecret, enc) = ikmE is null ? _kem.Encap(recipient, sender) : _kem.EncapDerandomized(recipient, sender, ikmE);
        try
        {
            var secrets = KeySchedule.Derive(_kdf, _aead, mode, sharedSecret, info, psk is null ? [] : psk.Key, psk is null ? [] : psk.Id);
            return new HpkeSenderContext(Suite, _kdf, _aead, secrets, enc);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }

    /// <summary>SetupBaseR / SetupPSKR / SetupAuthR / SetupAuthPSKR (RFC 9180 §5.1.1 to §5.1.4).</summary>
    /// <param name="mode">The mode the sender used.</param>
    /// <param name="recipient">The recipient's own key pair (skR).</param>
    /// <param name="enc">The sender's encapsulated key.</param>
    /// <param name="info">The same info the sender used.</param>
    /// <param name="psk">The pre-shared key, in the PSK modes only.</param>
    /// <param name="sender">The sender's public key (pkS), in the auth modes only.</param>
    /// <exception cref="ArgumentException">An input does not fit the mode or the suite's KEM, or the sender's key is of small order.</exception>
    /// <exception cref="HpkeOpenException"><paramref name="enc"/> is not a valid encapsulation of the suite's KEM.</exception>
    /// <exception cref="NotSupportedException">An auth mode with a KEM that has none (<see cref="HasAuthModes"/>).</exception>
    public HpkeRecipientContext SetupRecipient(HpkeMode mode, HpkeKeyPair recipient, ReadOnlySpan<byte> enc, ReadOnlySpan<byte> info, HpkePsk? psk = null, HpkePublicKey? sender = null)
    {
        CheckInputs(mode, psk, sender is not null, nameof(sender));
        ArgumentNullException.ThrowIfNull(recipient);
        OwnKem(recipient.Kem, nameof(recipient));
        if (sender is not null)
        {
            OwnKem(sender.Kem, nameof(sender));
        }

        var sharedSecret = _kem.Decap(enc, recipient, sender);
        try
        {
            var secrets = KeySchedule.Derive(_kdf, _aead, mode, sharedSecret, info, psk is null ? [] : psk.Key, psk is null ? [] : psk.Id);
            return new HpkeRecipientContext(Suite, _kdf, _aead, secrets);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }

    /// <summary>Single-shot Seal (RFC 9180 §6.1): sets up a sender context and seals one message with sequence number 0.</summary>
    /// <returns>The enc and the ciphertext; both go to the recipient.</returns>
    /// <exception cref="NotSupportedException">The suite's AEAD is export-only.</exception>
    /// <exception cref="ArgumentException">As <see cref="SetupSender(HpkeMode, HpkePublicKey, ReadOnlySpan{byte}, HpkePsk?, HpkeKeyPair?)"/>.</exception>
    public HpkeSealed Seal(HpkeMode mode, HpkePublicKey recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext, HpkePsk? psk = null, HpkeKeyPair? sender = null)
    {
        RefuseExportOnly();
        using var context = SetupSender(mode, recipient, info, psk, sender);
        var ciphertext = context.Seal(aad, plaintext);
        return new HpkeSealed(context.Enc.ToArray(), ciphertext);
    }

    /// <summary>Single-shot Open (RFC 9180 §6.1): sets up a recipient context and opens one message with sequence number 0.</summary>
    /// <exception cref="HpkeOpenException">The message does not open with these inputs; nothing of the plaintext is returned.</exception>
    /// <exception cref="NotSupportedException">The suite's AEAD is export-only.</exception>
    /// <exception cref="ArgumentException">As <see cref="SetupRecipient"/>.</exception>
    public byte[] Open(HpkeMode mode, HpkeKeyPair recipient, ReadOnlySpan<byte> enc, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, HpkePsk? psk = null, HpkePublicKey? sender = null)
    {
        RefuseExportOnly();
        using var context = SetupRecipient(mode, recipient, enc, info, psk, sender);
        return context.Open(aad, ciphertext);
    }

    private void RefuseExportOnly()
    {
        if (!_aead.CanEncrypt)
        {
            throw AeadAlgorithm.RefuseExportOnly();
        }
    }

    private void CheckInputs(HpkeMode mode, HpkePsk? psk, bool hasSenderKey, string senderParameter)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an HPKE mode (RFC 9180 §5: 0 base, 1 psk, 2 auth, 3 auth_psk).");
        }

        var authMode = mode is HpkeMode.Auth or HpkeMode.AuthPsk;
        if (authMode && !_kem.HasAuthMode)
        {
            throw new NotSupportedException(
                $"{HpkeSuite.Name(Suite.Kem)} has no authenticated mode (no AuthEncap, draft-ietf-hpke-pq): use base or psk, and authenticate the sender by a PSK or a signature.");
        }

        KeySchedule.VerifyPskInputs(mode, psk is null ? [] : psk.Key, psk is null ? [] : psk.Id);
        if (authMode && !hasSenderKey)
        {
            throw new ArgumentException($"Mode {mode} authenticates the sender: it needs the sender's key (RFC 9180 §5.1.3).", senderParameter);
        }

        if (!authMode && hasSenderKey)
        {
            throw new ArgumentException($"Mode {mode} takes no sender key; use {(mode == HpkeMode.Psk ? HpkeMode.AuthPsk : HpkeMode.Auth)} to authenticate the sender.", senderParameter);
        }
    }

    private void OwnKem(HpkeKem kem, string parameterName)
    {
        if (kem != Suite.Kem)
        {
            throw new ArgumentException($"The key is a {HpkeSuite.Name(kem)} key; this suite's KEM is {HpkeSuite.Name(Suite.Kem)}.", parameterName);
        }
    }
}
