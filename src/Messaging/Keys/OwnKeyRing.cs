using System.Collections.Immutable;
using System.Text;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Keys;

/// <summary>One authority's own keys and their sealed private halves, by key id.</summary>
internal sealed record OwnKeyRing(KeyRing Ring, ImmutableDictionary<KeyId, byte[]> Sealed)
{
    /// <summary>
    /// The associated data a private key is sealed with: it binds the sealed key to its authority and key id (which
    /// is derived from the public key), so a sealed key copied to another entry or file fails to open.
    /// </summary>
    public static byte[] SealingContext(AuthorityId authority, KeyId id) => Encoding.ASCII.GetBytes($"MlaFlow sealed private key v1\0{authority}\0{id}");
}
