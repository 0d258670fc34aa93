namespace MlaFlow.Messaging.Hpke;

/// <summary>What single-shot <see cref="HpkeCipher.Seal"/> produces: the encapsulated key and the ciphertext, both for the recipient.</summary>
/// <param name="Enc">The encapsulated key (Nenc bytes).</param>
/// <param name="Ciphertext">The sealed plaintext followed by its 16-byte tag.</param>
public sealed record HpkeSealed(ReadOnlyMemory<byte> Enc, ReadOnlyMemory<byte> Ciphertext);
