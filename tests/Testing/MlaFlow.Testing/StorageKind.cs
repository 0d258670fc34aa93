namespace MlaFlow.Testing;

/// <summary>The databases every storage test runs against.</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
