using System.Runtime.Versioning;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace MlaFlow.Storage.Tests.State;

/// <summary>The embedded store holds the requests' personal data: its files are its owner's alone, like the keys.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder = Directory.CreateTempSubdirectory("mlaflow-sqlite-file-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "mlaflow.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task a_new_store_and_its_write_ahead_log_are_readable_by_their_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");

        await MigrateAsync();

        foreach (var file in new[] { DatabaseFile, DatabaseFile + "-wal", DatabaseFile + "-shm" })
        {
            File.Exists(file).ShouldBeTrue(file);
            File.GetUnixFileMode(file).ShouldBe(OwnerOnly, file);
        }
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task a_store_of_before_that_others_could_read_is_made_its_owners_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        await File.WriteAllBytesAsync(DatabaseFile, []);
        File.SetUnixFileMode(DatabaseFile, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await MigrateAsync();

        File.GetUnixFileMode(DatabaseFile).ShouldBe(OwnerOnly);
    }

    private async Task MigrateAsync()
    {
        var database = new SqliteDatabase($"Data Source={DatabaseFile}");
        await new MigrationRunner(database, SystemClock.Instance, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        await using var connection = await database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations")).ShouldBeGreaterThan(0);
    }
}
