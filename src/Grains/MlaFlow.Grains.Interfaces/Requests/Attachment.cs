namespace MlaFlow.Grains.Requests;

/// <summary>A document sent with a request: its metadata and SHA-256, which fixes its content for the chain of custody.</summary>
public sealed record Attachment(string Name, string MediaType, long Size, string Sha256);
