namespace MlaFlow.Messaging.Keys;

/// <summary>A key that may not be used for what was asked; <see cref="Exception.Message"/> names the authority, the key and why.</summary>
public sealed class KeyRefusedException(KeyRefusal reason, string message) : Exception(message)
{
    public KeyRefusal Reason { get; } = reason;
}
