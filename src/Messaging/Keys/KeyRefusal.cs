namespace MlaFlow.Messaging.Keys;

/// <summary>Why a key was refused, precisely enough for a caller to decide what to tell the sender.</summary>
public enum KeyRefusal
{
    /// <summary>No key of that authority is known at all.</summary>
    UnknownAuthority,

    /// <summary>The authority is known, but not a key with that id.</summary>
    UnknownKey,

    /// <summary>The key is for the other use (an encryption key asked to verify, or the reverse).</summary>
    WrongUse,

    /// <summary>The key was retired by rotation: it opens and verifies old messages, but makes no new ones.</summary>
    Retired,

    /// <summary>The key was revoked: nothing is done with it.</summary>
    Revoked,

    /// <summary>The authority has no active key of that use (its last one was revoked and nothing replaced it yet).</summary>
    NoActiveKey,
}
