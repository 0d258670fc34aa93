namespace MlaFlow.Gateway.Security;

/// <summary>The roles a token can carry.</summary>
public static class Roles
{
    /// <summary>Central-authority officer: sends, receives and handles requests.</summary>
    public const string Officer = "officer";

    /// <summary>Prosecutor of the requesting side: drafts requests and tracks them.</summary>
    public const string Prosecutor = "prosecutor";

    /// <summary>Administers the node (keys, plugins, health); reads no case files.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Officer, Prosecutor, Admin];
}
