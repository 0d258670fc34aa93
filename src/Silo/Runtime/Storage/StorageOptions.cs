namespace MlaFlow.Runtime.Storage;

/// <summary>Configuration section <c>MlaFlow:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "MlaFlow:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Required for PostgreSQL; for SQLite it defaults to
    /// <c>mlaflow.db</c> in the data folder.
    /// </summary>
    public string? ConnectionString { get; set; }
}
