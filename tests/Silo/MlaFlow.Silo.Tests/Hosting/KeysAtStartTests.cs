using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Silo.Hosting;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Hosting;

/// <summary>
/// A node opens its authorities' keys when it starts (docs/messaging.md, "Keys"): with keys made by <c>keys generate</c>
/// and their key-encryption key configured, it can seal and open envelopes; without keys it runs as before, saying that
/// cross-node exchange is off; a wrong or misconfigured secret stops it at start with one <c>error:</c> line.
/// </summary>
public sealed class KeysAtStartTests : IAsyncLifetime
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(15);

    private readonly string _kek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength));
    private NodeStore _store = null!;

    public async Task InitializeAsync() => _store = await NodeStore.CreateAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task a_node_with_generated_keys_starts_with_them_and_resolves_an_envelope_opener()
    {
        await GenerateKeysAsync("CN-MOJ", "TH-OAG");

        // In process, as a test host boots the node: the settings reach SiloApp.Build as arguments, never on a command line.
        await using var app = SiloApp.Build(
            ["--urls", "http://127.0.0.1:0", $"--MlaFlow:DataPath={_store.DataFolder}", $"--MlaFlow:Keys:Kek={_kek}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            app.Services.GetRequiredService<EnvelopeOpener>().ShouldNotBeNull();
            app.Services.GetRequiredService<EnvelopeSealer>().ShouldNotBeNull();
            var keys = app.Services.GetRequiredService<KeyStore>();
            keys.IsUnlocked.ShouldBeTrue();
            keys.Authorities.Select(a => a.Value).ShouldBe(["CN-MOJ", "TH-OAG"]);
            app.Services.GetRequiredService<ExchangeSettings>().Window.ShouldBe(ExchangeSettings.DefaultWindow);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task a_node_with_keys_and_its_key_encryption_key_in_the_environment_says_exchange_is_on()
    {
        await GenerateKeysAsync("CN-MOJ", "TH-OAG");

        await using var node = await NodeProcess.StartAsync(_store, _store.EnvironmentWith(("MlaFlow__Keys__Kek", _kek)));

        await LoggedAsync(node, "Cross-node exchange is on for CN-MOJ, TH-OAG; 0 peer authorities in the directory");
    }

    [Fact]
    public async Task a_node_without_keys_starts_and_says_cross_node_exchange_is_off_for_its_authorities()
    {
        await using var node = await NodeProcess.StartAsync(_store);

        await LoggedAsync(node, "Cross-node exchange is off for CN-MOJ, TH-OAG: no active keys in");
        Directory.Exists(Path.Combine(_store.DataFolder, KeyStore.FolderName)).ShouldBeFalse("a node only reads keys; keys generate makes them");
    }

    [Fact]
    public async Task a_node_without_keys_registers_no_envelope_opener()
    {
        await using var app = SiloApp.Build(["--urls", "http://127.0.0.1:0", $"--MlaFlow:DataPath={_store.DataFolder}", "--Logging:LogLevel:Default=Warning"]);

        app.Services.GetService<EnvelopeOpener>().ShouldBeNull();
        app.Services.GetService<EnvelopeSealer>().ShouldBeNull();
        app.Services.GetRequiredService<KeyStore>().Authorities.ShouldBeEmpty();
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task an_embedded_node_without_a_configured_secret_generates_its_key_encryption_key_and_says_production_sets_one()
    {
        await using var node = await NodeProcess.StartAsync(_store);

        var kek = Path.Combine(_store.DataFolder, GeneratedKek.FileName);
        await LoggedAsync(node, $"keys and files: sealed by the key-encryption key generated into {kek};");
        await LoggedAsync(node, "in production set MlaFlow__Keys__Kek (or MlaFlow__Keys__Passphrase) instead");
        File.GetUnixFileMode(kek).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task a_node_keeping_only_some_authorities_keys_says_exchange_is_off_for_the_others()
    {
        await GenerateKeysAsync("TH-OAG");

        await using var node = await NodeProcess.StartAsync(_store, _store.EnvironmentWith(("MlaFlow__Keys__Kek", _kek)));

        await LoggedAsync(node, "Cross-node exchange is off for CN-MOJ: no active keys in");
    }

    [Fact]
    public async Task another_key_encryption_key_stops_the_node_at_start()
    {
        await GenerateKeysAsync("CN-MOJ");
        var other = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength));

        var result = await RefusedAsync(_store.EnvironmentWith(("MlaFlow__Keys__Kek", other)));

        result.StandardError.ShouldContain("The key-encryption key given does not open the key store in", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task keys_without_their_passphrase_or_key_encryption_key_stop_the_node_at_start()
    {
        await GenerateKeysAsync("CN-MOJ");

        var result = await RefusedAsync(_store.Environment);

        result.StandardError.ShouldContain("holds keys of CN-MOJ, but no passphrase or key-encryption key is configured", Case.Sensitive, result.ToString());
    }

    [Theory]
    [InlineData("MlaFlow__Keys__Kek", "bm90IDMyIGJ5dGVz", "MlaFlow:Keys:Kek is 12 bytes")]
    [InlineData("MlaFlow__Keys__Kek", "not base64!", "MlaFlow:Keys:Kek is not base64")]
    [InlineData("MlaFlow__Keys__Passphrase", "too short", "MlaFlow:Keys:Passphrase is shorter than 12 characters")]
    [InlineData("MlaFlow__Exchange__Window", "soon", "MlaFlow:Exchange:Window: 'soon' is not a time span")]
    [InlineData("MlaFlow__Exchange__Window", "00:00:00.500", "MlaFlow:Exchange:Window: 00:00:00.500 is outside")]
    [InlineData("MlaFlow__Exchange__Window", "2.00:00:00", "MlaFlow:Exchange:Window: 2.00:00:00 is outside")]
    public async Task a_bad_key_or_exchange_setting_stops_the_node_at_start_naming_it(string variable, string value, string message)
    {
        var result = await RefusedAsync(_store.EnvironmentWith((variable, value)));

        result.StandardError.ShouldContain(message, Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task both_a_passphrase_and_a_key_encryption_key_stop_the_node_at_start()
    {
        var result = await RefusedAsync(_store.EnvironmentWith(("MlaFlow__Keys__Kek", _kek), ("MlaFlow__Keys__Passphrase", "correct horse battery staple")));

        result.StandardError.ShouldContain("Both MlaFlow:Keys:Passphrase and MlaFlow:Keys:Kek are set", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task a_key_encryption_key_on_the_command_line_stops_the_node_rather_than_stay_in_shell_history()
    {
        var result = await RefusedAsync(_store.Environment, $"--MlaFlow:Keys:Kek={_kek}");

        result.StandardError.ShouldContain("MlaFlow:Keys:Kek was given on the command line", Case.Sensitive, result.ToString());
        result.StandardError.ShouldNotContain(_kek, Case.Sensitive, "the secret itself is never printed");
    }

    private async Task GenerateKeysAsync(params string[] authorities)
    {
        foreach (var authority in authorities)
        {
            var result = await SiloCli.RunAsync(_store.EnvironmentWith(("MlaFlow__Keys__Kek", _kek)), "keys", "generate", "--authority", authority);
            result.ExitCode.ShouldBe(0, result.ToString());
        }
    }

    // A node that must refuse to start: exit code 2, one error line, no stack trace.
    private static async Task<CommandResult> RefusedAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var result = await SiloCli.RunAsync(environment, ["--urls", "http://127.0.0.1:0", .. arguments]);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldStartWith("error: ", Case.Sensitive, result.ToString());
        result.StandardError.Trim().ShouldNotContain("\n", Case.Sensitive, result.ToString());
        result.StandardError.ShouldNotContain("   at ", Case.Sensitive, "no stack trace for a configuration mistake");
        return result;
    }

    // The console logger writes from a queue, and the report may run just after /health first answers: wait for the line.
    private static async Task LoggedAsync(NodeProcess node, string line)
    {
        var waited = Stopwatch.StartNew();
        while (!node.Output.Contains(line, StringComparison.Ordinal))
        {
            waited.Elapsed.ShouldBeLessThan(LogTimeout, $"The node did not log \"{line}\".\n{node.Output}");
            await Task.Delay(100);
        }
    }
}
