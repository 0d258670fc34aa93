using MlaFlow.Grains.Requests;

namespace MlaFlow.Grains.Exchange;

/// <summary>
/// A file announced inside a sealed envelope: what it is and the declared SHA-256 of its bytes, with what the recipient
/// needs to check each segment as it arrives — the file key and the encrypted file's header. Only the envelope's
/// recipient can read this, so the segments that follow are readable by it alone, and authentic (the key is shared by
/// the two authorities only).
/// </summary>
/// <param name="File">The file as the sender's request holds it (its added-by and sent-in fields are the sender's).</param>
/// <param name="Key">The 32-byte key the file is encrypted under (docs/messaging.md, "Attachments").</param>
/// <param name="Header">The encrypted file's header: format version, segment size, salt and header MAC.</param>
public sealed record ExchangeFile(EvidenceFile File, byte[] Key, byte[] Header);
