namespace MlaFlow.Silo.Hosting;

/// <summary>A token signing key; <paramref name="Generated"/> when it is the node's own local key (no identity provider configured).</summary>
public sealed record SigningKey(byte[] Bytes, bool Generated);
