using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A document sent with a request: what it is, its metadata and SHA-256, which fixes its content for the
/// chain of custody; <paramref name="Language"/> is the language it is written in, set for translations.
/// </summary>
public sealed record Attachment(string Name, string MediaType, long Size, string Sha256, AttachmentCategory Category, LanguageCode? Language);
