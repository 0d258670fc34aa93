namespace MlaFlow.Storage;

/// <summary>The database behind a node. SQLite is the embedded default; PostgreSQL is for production and several nodes.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
