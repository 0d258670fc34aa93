namespace MlaFlow.Storage;

/// <summary>Makes the <see cref="Database"/> that <see cref="StorageOptions"/> describe.</summary>
public static class DatabaseFactory
{
    /// <summary>The file name of the embedded store inside the data folder.</summary>
    public const string SqliteFileName = "mlaflow.db";

    /// <summary>Opens the database of validated <paramref name="options"/>; the embedded store's folder is made if missing.</summary>
    public static Database Create(StorageOptions options)
    {
        if (options.Kind == StorageProvider.Postgres)
        {
            return new PostgresDatabase(options.ConnectionString!);
        }

        Directory.CreateDirectory(options.DataPath);
        return new SqliteDatabase(options.ConnectionString ?? $"Data Source={Path.Combine(options.DataPath, SqliteFileName)}");
    }
}
