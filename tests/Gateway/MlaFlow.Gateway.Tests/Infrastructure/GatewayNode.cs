using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Security;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// The real node (<c>Program</c>, through <c>SiloApp.Build</c>) booted in memory on a database and a data
/// folder of its own, serving CN-MOJ and TH-OAG unless told otherwise. Everything reaches the node as
/// configuration, the way an operator would set it; <see cref="Store"/> reads the same database directly,
/// to check what was written (which also proves the configuration reached the node).
/// </summary>
internal sealed class GatewayNode : WebApplicationFactory<Program>
{
    public const string China = "CN-MOJ";
    public const string Thailand = "TH-OAG";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _dataPath;
    private readonly byte[]? _signingKey;
    private readonly IReadOnlyList<string> _authorities;
    private readonly string? _pluginsPath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _testServices;
    private bool _started;

    private GatewayNode(
        TestDatabase database, bool ownsDatabase, string dataPath, byte[]? signingKey, IReadOnlyList<string> authorities, string? pluginsPath,
        IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? testServices)
    {
        _ownsDatabase = ownsDatabase;
        _settings = settings;
        _testServices = testServices;
        _database = database;
        _dataPath = dataPath;
        _signingKey = signingKey;
        _authorities = authorities;
        _pluginsPath = pluginsPath;
        Store = database.Open();
    }

    /// <summary>The node's database, opened separately from the node.</summary>
    public Database Store { get; }

    /// <summary>The node's data folder, a new temporary folder.</summary>
    public string DataPath => _dataPath;

    /// <summary>
    /// Boots a node on a new <paramref name="storage"/> database, serving <paramref name="authorities"/>
    /// (CN-MOJ and TH-OAG unless given). With <paramref name="configureSigningKey"/> off, the node is given
    /// no key and makes its own in the data folder. Plugins load from <paramref name="pluginsPath"/> when given,
    /// else from the node's default folder (the shipped plugins). <paramref name="prepareData"/> may put files (keys, say)
    /// in the data folder before the node starts; <paramref name="settings"/> adds configuration; <paramref name="testServices"/>
    /// replaces services after the node's own registrations (an in-memory peer's HTTP client, say).
    /// </summary>
    public static async Task<GatewayNode> StartAsync(
        StorageKind storage, bool configureSigningKey = true, IReadOnlyList<string>? authorities = null, string? pluginsPath = null,
        Action<string>? prepareData = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        var database = await TestDatabase.CreateAsync(storage);
        var dataPath = Directory.CreateTempSubdirectory("mlaflow-gateway-").FullName;
        prepareData?.Invoke(dataPath);
        return Boot(new GatewayNode(database, ownsDatabase: true, dataPath, configureSigningKey ? RandomNumberGenerator.GetBytes(32) : null, authorities ?? [China, Thailand],
            pluginsPath, settings ?? new Dictionary<string, string>(), testServices));
    }

    /// <summary>
    /// Boots another node of <paramref name="database"/>'s deployment, with <paramref name="signingKey"/> (the other nodes'):
    /// on PostgreSQL the nodes form one Orleans cluster, so a grain called through one may live on the other.
    /// </summary>
    public static GatewayNode Join(TestDatabase database, byte[] signingKey) =>
        Boot(new GatewayNode(database, ownsDatabase: false, Directory.CreateTempSubdirectory("mlaflow-gateway-").FullName, signingKey, [China, Thailand], null,
            new Dictionary<string, string>(), null));

    /// <summary>The database this node runs on, for another node to join (<see cref="Join"/>).</summary>
    public TestDatabase Database => _database;

    /// <summary>The key this node's tokens are signed with, for another node of its deployment.</summary>
    public byte[] SigningKey => _signingKey ?? throw new InvalidOperationException("This node made its own key.");

    private static GatewayNode Boot(GatewayNode node)
    {
        try
        {
            // Boots the host now, so a test's first request does not also measure the start.
            _ = node.Server;
            node._started = true;
            return node;
        }
        catch
        {
            node.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Issues tokens the node accepts: signed with the configured key, or with the key the node generated.</summary>
    public TokenIssuer Tokens => _signingKey is null ? Services.GetRequiredService<TokenIssuer>() : new TokenIssuer(new TokenSettings(_signingKey));

    public Task<StoreCounts> CountsAsync() => StoreCounts.ReadAsync(Store);

    /// <summary>A client calling as a user of <paramref name="authority"/> with <paramref name="role"/>.</summary>
    public HttpClient ClientFor(string authority, string role) => ClientWith(Token(Tokens, authority, role));

    /// <summary>A client presenting <paramref name="token"/> as its bearer token.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Token(TokenIssuer issuer, string authority, string role, DateTimeOffset? issuedAt = null) =>
        issuer.Issue(AuthorityId.Parse(authority), role, $"{role}@{authority}", issuedAt ?? DateTimeOffset.UtcNow, TokenLifetime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Minimal hosting: these reach WebApplication.CreateBuilder(args) as command-line arguments,
        // so SiloApp.Build sees them before it opens storage.
        builder.UseSetting("MlaFlow:DataPath", _dataPath);
        builder.UseSetting("MlaFlow:Storage:Provider", _database.Provider.ToString());
        builder.UseSetting("MlaFlow:Storage:ConnectionString", _database.ConnectionString);
        for (var i = 0; i < _authorities.Count; i++)
        {
            builder.UseSetting($"MlaFlow:Authorities:{i}", _authorities[i]);
        }

        if (_pluginsPath is not null)
        {
            builder.UseSetting("MlaFlow:Plugins:Path", _pluginsPath);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Nodes of tests run side by side: each silo on a port of its own, and no Orleans client gateway.
        builder.UseSetting("MlaFlow:Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MlaFlow:Cluster:GatewayPort", "0");
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (_signingKey is not null)
        {
            builder.UseSetting("MlaFlow:Auth:SigningKey", Convert.ToBase64String(_signingKey));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        // The node's own Database holds a connection pool; it goes once the node has stopped.
        var nodeDatabase = _started ? Services.GetService<Database>() : null;
        await base.DisposeAsync();
        if (nodeDatabase is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_dataPath, recursive: true);
    }
}
