namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Where a key is in its life. It only moves forward (active, then retired, then possibly revoked), so an
/// old bundle imported again can never bring a retired or revoked key back. The values are declared in that
/// order, so a later status compares greater.
/// </summary>
public enum KeyStatus
{
    /// <summary>The authority's current key of its use: new messages are encrypted to it and signed with it.</summary>
    Active,

    /// <summary>Replaced by rotation. Kept so that messages sent under it can still be opened and their signatures checked.</summary>
    Retired,

    /// <summary>Withdrawn (compromised, or the authority says so): refused for everything.</summary>
    Revoked,
}
