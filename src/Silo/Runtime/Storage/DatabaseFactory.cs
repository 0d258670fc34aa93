namespace MlaFlow.Runtime.Storage;

/// <summary>Makes the <see cref="Database"/> that <see cref="StorageOptions"/> describe.</summary>
public static class DatabaseFactory
{
    /// <summary>The file name of the embedded store inside the data folder.</summary>
    public const string SqliteFileName = "mlaflow.db";

    /// <exception cref="InvalidOperationException">PostgreSQL is chosen without a connection string.</exception>
    public static Database Create(StorageOptions options, string dataPath) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteDatabase(options.ConnectionString ?? $"Data Source={Path.Combine(dataPath, SqliteFileName)}"),
        StorageProvider.Postgres => new PostgresDatabase(options.ConnectionString
            ?? throw new InvalidOperationException("MlaFlow:Storage:Provider is Postgres but MlaFlow:Storage:ConnectionString is not set.")),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'; use Sqlite or Postgres."),
    };
}
