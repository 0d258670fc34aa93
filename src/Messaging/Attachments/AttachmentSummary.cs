namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// What encrypting or decrypting an attachment established: the plaintext's SHA-256 (kept with the request for the
/// chain of custody) and the layout (plaintext and ciphertext lengths, segment size and count).
/// </summary>
/// <param name="PlaintextSha256">SHA-256 of the plaintext read (encrypting) or written (decrypting).</param>
/// <param name="Layout">The lengths and segmentation of the attachment.</param>
public sealed record AttachmentSummary(Sha256Digest PlaintextSha256, AttachmentLayout Layout)
{
    /// <summary>Bytes of plaintext.</summary>
    public long PlaintextLength => Layout.PlaintextLength;

    /// <summary>Bytes of the encrypted attachment, header included.</summary>
    public long CiphertextLength => Layout.CiphertextLength;
}
