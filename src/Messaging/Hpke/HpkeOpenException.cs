namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A message did not open: its ciphertext, its associated data, its <c>enc</c>, the key, the PSK or the
/// sender's key is not what it was sealed with. Nothing of the plaintext is returned or kept, and the
/// message does not say which input was wrong, since the receiver cannot know (RFC 9180 §5.2, OpenError).
/// </summary>
public sealed class HpkeOpenException(string message) : HpkeException(message);
