using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A file held with a request (evidence obtained, a signed warrant, a translation): its bytes are kept encrypted in the
/// node's file store under <paramref name="Id"/>; its SHA-256 fixes its content for the chain of custody, on both sides
/// of the exchange, and each copy says where the file came from.
/// </summary>
/// <param name="Id">The file's id in the file store (32 lower-case hex digits, random); the same on both copies.</param>
/// <param name="Name">The file's name as given (no path).</param>
/// <param name="MediaType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
/// <param name="Category">What it is.</param>
/// <param name="AddedAt">When it was added to this copy: uploaded, or received and verified.</param>
/// <param name="AddedBy">Who added it: the officer or prosecutor who uploaded it, or the authority it came from.</param>
/// <param name="SentIn">The outgoing message that carries it to the counterpart; null until a message is queued after the upload.</param>
/// <param name="ReceivedIn">For a file that came from the counterpart: the counterpart's message that brought it.</param>
public sealed record EvidenceFile(
    string Id, string Name, string MediaType, long Size, string Sha256, AttachmentCategory Category, Instant AddedAt, string AddedBy,
    string? SentIn = null, string? ReceivedIn = null)
{
    /// <summary>Added here and not yet in any message: the next message to the counterpart takes it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUnsent => SentIn is null && ReceivedIn is null;

    /// <summary>The file as the counterpart's copy records it on arrival.</summary>
    public EvidenceFile AsReceived(string from, string messageId, Instant at) => this with { AddedAt = at, AddedBy = from, SentIn = null, ReceivedIn = messageId };
}
