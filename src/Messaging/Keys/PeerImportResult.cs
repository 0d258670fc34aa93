using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// What importing a peer's bundle changed: keys new to the directory, keys now retired (by the peer, or
/// because the peer's new active key replaced them) and keys now revoked. All empty when the bundle held
/// nothing new, as when the same bundle is imported twice.
/// </summary>
public sealed record PeerImportResult(
    AuthorityId Authority, Fingerprint Fingerprint, IReadOnlyList<AuthorityKey> Added, IReadOnlyList<AuthorityKey> Retired, IReadOnlyList<AuthorityKey> Revoked)
{
    public bool Changed => Added.Count + Retired.Count + Revoked.Count > 0;
}
