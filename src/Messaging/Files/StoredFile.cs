namespace MlaFlow.Messaging.Files;

/// <summary>An evidence file as kept in <see cref="EvidenceFileStore"/>.</summary>
/// <param name="Id">Its <see cref="EvidenceFileId"/>.</param>
/// <param name="Size">Bytes of plaintext.</param>
/// <param name="Sha256">SHA-256 of the plaintext, 64 lower-case hexadecimal digits, kept with the request for the chain of custody.</param>
public sealed record StoredFile(string Id, long Size, string Sha256);
