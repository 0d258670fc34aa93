using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// KeySchedule (RFC 9180 §5.1): binds the mode, info and PSK to the KEM shared secret and derives the AEAD
/// key, base nonce and exporter secret under the suite's labeled KDF.
/// </summary>
internal static class KeySchedule
{
    /// <summary>VerifyPSKInputs: a PSK comes with its id, and exactly in the PSK modes. Absent means empty, as in the RFC.</summary>
    /// <exception cref="ArgumentException">The inputs do not fit the mode.</exception>
    public static void VerifyPskInputs(HpkeMode mode, ReadOnlySpan<byte> psk, ReadOnlySpan<byte> pskId)
    {
        var gotPsk = !psk.IsEmpty;
        if (gotPsk != !pskId.IsEmpty)
        {
            throw new ArgumentException("Inconsistent PSK inputs: a PSK and its psk_id go together (RFC 9180 §5.1).", nameof(pskId));
        }

        var pskMode = mode is HpkeMode.Psk or HpkeMode.AuthPsk;
        if (gotPsk && !pskMode)
        {
            throw new ArgumentException($"Mode {mode} takes no PSK (RFC 9180 §5.1).", nameof(psk));
        }

        if (!gotPsk && pskMode)
        {
            throw new ArgumentException($"Mode {mode} needs a PSK and its psk_id (RFC 9180 §5.1).", nameof(psk));
        }
    }

    /// <summary>key_schedule_context = mode || LabeledExtract("", "psk_id_hash", psk_id) || LabeledExtract("", "info_hash", info).</summary>
    public static byte[] Context(LabeledHkdf kdf, HpkeMode mode, ReadOnlySpan<byte> info, ReadOnlySpan<byte> pskId)
    {
        var pskIdHash = kdf.LabeledExtract([], "psk_id_hash"u8, pskId);
        var infoHash = kdf.LabeledExtract([], "info_hash"u8, info);
        var context = new byte[1 + pskIdHash.Length + infoHash.Length];
        context[0] = (byte)mode;
        pskIdHash.CopyTo(context, 1);
        infoHash.CopyTo(context, 1 + pskIdHash.Length);
        return context;
    }

    public static ScheduledSecrets Derive(
        LabeledHkdf kdf, AeadAlgorithm aead, HpkeMode mode, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info, ReadOnlySpan<byte> psk, ReadOnlySpan<byte> pskId)
    {
        VerifyPskInputs(mode, psk, pskId);
        var context = Context(kdf, mode, info, pskId);
        var secret = kdf.LabeledExtract(sharedSecret, "secret"u8, psk);
        try
        {
            // The export-only AEAD has Nk = Nn = 0: no key and no nonce, only the exporter secret.
            return new ScheduledSecrets(
                kdf.LabeledExpand(secret, "key"u8, context, aead.KeySize),
                kdf.LabeledExpand(secret, "base_nonce"u8, context, aead.NonceSize),
                kdf.LabeledExpand(secret, "exp"u8, context, kdf.Nh));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
