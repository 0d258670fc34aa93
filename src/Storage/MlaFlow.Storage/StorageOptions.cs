using System.Text.Json;

namespace MlaFlow.Storage;

/// <summary>Configuration section <c>MlaFlow:Storage</c>, checked at start by <see cref="StorageOptionsValidator"/>.</summary>
public sealed class StorageOptions
{
    public const string Section = "MlaFlow:Storage";

    /// <summary>
    /// <c>Sqlite</c> (embedded, the default) or <c>Postgres</c>. Text, so that a misspelt value is reported by its key
    /// and value rather than by the configuration binder.
    /// </summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>
    /// ADO.NET connection string. Required for PostgreSQL; for SQLite it defaults to
    /// <c>mlaflow.db</c> in <see cref="DataPath"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The node's data folder (<c>MlaFlow:DataPath</c>), where the embedded store lives; set by the host.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>The JSON conventions stored states are written in; set by the host (MlaFlow's own, for grains).</summary>
    public JsonSerializerOptions Json { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>The provider, once <see cref="StorageOptionsValidator"/> has accepted <see cref="Provider"/>.</summary>
    public StorageProvider Kind => Enum.Parse<StorageProvider>(Provider, ignoreCase: true);
}
