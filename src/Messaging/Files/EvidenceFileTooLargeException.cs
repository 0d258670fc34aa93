namespace MlaFlow.Messaging.Files;

/// <summary>An evidence file was refused for being larger than allowed; nothing of it was kept.</summary>
public sealed class EvidenceFileTooLargeException(long maxBytes)
    : Exception($"The evidence file is larger than the {maxBytes} bytes allowed.")
{
    /// <summary>The most bytes of plaintext allowed.</summary>
    public long MaxBytes { get; } = maxBytes;
}
