namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A context has used every sequence number its nonce can encode (2^96 - 1 messages for 12-byte nonces):
/// another message would reuse a nonce, so it is refused (RFC 9180 §5.2, MessageLimitReachedError).
/// </summary>
public sealed class HpkeMessageLimitException(string message) : HpkeException(message);
