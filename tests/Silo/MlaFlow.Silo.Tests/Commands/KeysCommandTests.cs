using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using MlaFlow.Silo.Tests.Processes;

namespace MlaFlow.Silo.Tests.Commands;

/// <summary>
/// <c>MlaFlow.Silo keys …</c> as two central authorities' administrators run it: China's node makes its keys and
/// exports the public bundle, Thailand's node imports it once the fingerprint read over the phone matches, and
/// later bundles carry China's rotation and revocation. Every mistake is <c>error: …</c> on stderr, exit code 2,
/// and leaves both data folders as they were.
/// </summary>
public sealed class KeysCommandTests : IDisposable
{
    private const string KeyIdOfNothing = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private readonly string _root = Directory.CreateTempSubdirectory("mlaflow-keys-cli-").FullName;
    private readonly Node _china;
    private readonly Node _thailand;

    public KeysCommandTests()
    {
        // China's node serves the embedded default pair (CN-MOJ, TH-OAG) and seals under a passphrase, as the README
        // shows; Thailand's serves TH-OAG alone and seals under a key-encryption key.
        _china = new Node(Path.Combine(_root, "china"), ("MlaFlow__Keys__Passphrase", "correct horse battery staple"));
        _thailand = new Node(Path.Combine(_root, "thailand"), ("MlaFlow__Keys__Kek", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), ("MlaFlow__Authorities__0", "TH-OAG"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task post_quantum_keys_are_generated_beside_the_classical_ones_and_travel_in_the_bundle()
    {
        var generated = await _china.RunAsync("keys", "generate", "--authority", "CN-MOJ", "--post-quantum");
        generated.OutputLines[0].ShouldBe("CN-MOJ: generated x25519-ed25519 and xwing-mldsa65 keys");
        KeyLines(generated, "own").Select(k => (k.Use, k.Suite, k.Status)).ShouldBe([
            ("encryption", "x25519-ed25519", "active"), ("signing", "x25519-ed25519", "active"),
            ("encryption", "xwing-mldsa65", "active"), ("signing", "xwing-mldsa65", "active")]);

        var bundleFile = Path.Combine(_root, "cn-moj.json");
        var exported = await _china.RunAsync("keys", "export-public", "--authority", "CN-MOJ", "--out", bundleFile);
        exported.OutputLines[0].ShouldBe($"CN-MOJ: public key bundle (4 keys) written to {bundleFile}");
        var imported = await _thailand.RunAsync("keys", "import-peer", bundleFile, "--fingerprint", exported.OutputLines[1]["fingerprint: ".Length..]);
        imported.OutputLines[0].ShouldEndWith("imported: 4 key(s) added, 0 retired, 0 revoked");

        KeyLines(await _thailand.RunAsync("keys", "generate", "--authority", "TH-OAG"), "own").Count.ShouldBe(2);
        (await _thailand.RunAsync("keys", "rotate", "--authority", "TH-OAG", "--post-quantum")).OutputLines[0]
            .ShouldBe("TH-OAG: rotated: 4 new key(s) active, 2 retired (kept to open and verify earlier messages)");
    }

    [Fact]
    public async Task the_post_quantum_suite_alone_is_refused_as_a_suite()
    {
        var result = await _china.FailAsync("keys", "generate", "--authority", "CN-MOJ", "--suite", "xwing-mldsa65");
        result.StandardError.Trim().ShouldBe("error: --suite: 'xwing-mldsa65' is not x25519-ed25519 or p256; post-quantum keys come beside classical ones: add --post-quantum.");
    }

    [Fact]
    public async Task post_quantum_keys_are_refused_beside_p256_keys_whose_envelopes_could_not_use_them()
    {
        const string refusal = "error: Post-quantum keys come beside x25519-ed25519 keys only, not p256: the post-quantum envelope suite signs with " +
            "Ed25519 and ML-DSA-65 together, so a p256 authority would still seal p256 envelopes, which post-quantum peers refuse as downgrades. " +
            "Use x25519-ed25519 keys to add post-quantum ones, or p256 keys without them.";

        (await _china.FailAsync("keys", "generate", "--authority", "CN-MOJ", "--suite", "p256", "--post-quantum")).StandardError.Trim().ShouldBe(refusal);
        (await _china.RunAsync("keys", "list")).OutputLines.ShouldBe(["no keys"]);

        await _china.RunAsync("keys", "generate", "--authority", "CN-MOJ", "--suite", "p256");
        (await _china.FailAsync("keys", "rotate", "--authority", "CN-MOJ", "--post-quantum")).StandardError.Trim().ShouldBe(refusal);
        KeyLines(await _china.RunAsync("keys", "list"), "own").Select(k => (k.Suite, k.Status)).ShouldBe([("p256", "active"), ("p256", "active")]);
    }

    [Fact]
    public async Task an_authority_rotating_to_p256_retires_its_post_quantum_keys_without_renewing_them()
    {
        await _china.RunAsync("keys", "generate", "--authority", "CN-MOJ", "--post-quantum");

        var rotated = await _china.RunAsync("keys", "rotate", "--authority", "CN-MOJ", "--suite", "p256");

        rotated.OutputLines[1].ShouldBe("CN-MOJ: its post-quantum keys are retired, not renewed: they come beside x25519-ed25519 keys only");
        KeyLines(rotated, "own").Select(k => (k.Suite, k.Status)).ShouldBe([
            ("p256", "active"), ("p256", "active"),
            ("x25519-ed25519", "retired"), ("x25519-ed25519", "retired"), ("xwing-mldsa65", "retired"), ("xwing-mldsa65", "retired")], ignoreOrder: true);
    }

    [Fact]
    public async Task generate_export_import_rotate_and_revoke_carry_chinas_keys_to_thailand()
    {
        var generated = await _china.RunAsync("keys", "generate", "--authority", "CN-MOJ");
        generated.OutputLines[0].ShouldBe("CN-MOJ: generated x25519-ed25519 keys");
        var firstKeys = KeyLines(generated, "own");
        firstKeys.Select(k => (k.Use, k.Suite, k.Status)).ShouldBe([("encryption", "x25519-ed25519", "active"), ("signing", "x25519-ed25519", "active")]);

        var bundleFile = Path.Combine(_root, "cn-moj.json");
        var exported = await _china.RunAsync("keys", "export-public", "--authority", "CN-MOJ", "--out", bundleFile);
        exported.OutputLines[0].ShouldBe($"CN-MOJ: public key bundle (2 keys) written to {bundleFile}");
        var fingerprint = exported.OutputLines[1]["fingerprint: ".Length..];
        generated.OutputLines[^1].ShouldStartWith($"CN-MOJ: public bundle fingerprint {fingerprint};");

        var imported = await _thailand.RunAsync("keys", "import-peer", bundleFile, "--fingerprint", fingerprint);
        imported.OutputLines[0].ShouldBe($"CN-MOJ: bundle {fingerprint} imported: 2 key(s) added, 0 retired, 0 revoked");
        KeyLines(await _thailand.RunAsync("keys", "list"), "peer").ShouldBe(firstKeys.Select(k => k with { Holder = "peer" }));

        var rotated = await _china.RunAsync("keys", "rotate", "--authority", "CN-MOJ");
        rotated.OutputLines[0].ShouldBe("CN-MOJ: rotated: 2 new key(s) active, 2 retired (kept to open and verify earlier messages)");
        var oldSigning = firstKeys.Single(k => k.Use == "signing").Id;
        var revoked = await _china.RunAsync("keys", "revoke", "--authority", "CN-MOJ", "--key-id", oldSigning);
        revoked.OutputLines[0].ShouldBe($"CN-MOJ: key {oldSigning} revoked; it is refused for everything from now on");

        var printed = await _china.RunAsync("keys", "export-public", "--authority", "CN-MOJ");
        var secondFingerprint = printed.StandardError.Trim()["fingerprint: ".Length..];
        var bundle = JsonDocument.Parse(printed.StandardOutput).RootElement;
        bundle.GetProperty("keys").GetArrayLength().ShouldBe(4);
        printed.StandardOutput.ShouldNotContain("sealedPrivateKey");
        var secondFile = Path.Combine(_root, "cn-moj-2.json");
        File.WriteAllText(secondFile, printed.StandardOutput);

        var updated = await _thailand.RunAsync("keys", "import-peer", secondFile, "--fingerprint", secondFingerprint.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        updated.OutputLines[0].ShouldBe($"CN-MOJ: bundle {secondFingerprint} imported: 2 key(s) added, 1 retired, 1 revoked");
        var peerKeys = KeyLines(await _thailand.RunAsync("keys", "list", "--authority", "CN-MOJ"), "peer");
        peerKeys.Select(k => (k.Use, k.Status)).ShouldBe([("encryption", "retired"), ("signing", "revoked"), ("encryption", "active"), ("signing", "active")]);
        peerKeys.ShouldBe(KeyLines(await _china.RunAsync("keys", "list", "--authority", "CN-MOJ"), "own").Select(k => k with { Holder = "peer" }));

        var again = await _thailand.RunAsync("keys", "import-peer", bundleFile, "--fingerprint", fingerprint);
        again.OutputLines.ShouldBe([$"CN-MOJ: bundle {fingerprint} holds nothing new; the directory is unchanged"]);
    }

    [Fact]
    public async Task a_bundle_whose_fingerprint_differs_from_the_confirmed_one_is_refused_naming_its_own()
    {
        await _china.RunAsync("keys", "generate", "--authority", "CN-MOJ");
        var bundleFile = Path.Combine(_root, "cn-moj.json");
        var fingerprint = (await _china.RunAsync("keys", "export-public", "--authority", "CN-MOJ", "--out", bundleFile)).OutputLines[1]["fingerprint: ".Length..];
        var confirmed = new string('A', 64);

        var refused = await _thailand.FailAsync("keys", "import-peer", bundleFile, "--fingerprint", confirmed);

        refused.StandardError.ShouldContain($"The bundle's fingerprint is {fingerprint}, not {string.Join(' ', confirmed.Chunk(4).Select(c => new string(c)))}");
        (await _thailand.RunAsync("keys", "list")).OutputLines.ShouldBe(["no keys"]);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task the_key_folder_and_files_are_the_owners_alone_and_hold_no_private_key_in_the_clear()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        await _china.RunAsync("keys", "generate", "--authority", "TH-OAG", "--suite", "p256");
        var keys = Path.Combine(_china.DataPath, "keys");

        File.GetUnixFileMode(keys).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in Directory.GetFiles(keys, "*", SearchOption.AllDirectories))
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }

        var stored = JsonDocument.Parse(File.ReadAllText(Path.Combine(keys, "own", "TH-OAG.json"))).RootElement.GetProperty("keys");
        stored.EnumerateArray().Select(k => k.GetProperty("suite").GetString()).ShouldBe(["p256", "p256"]);
        stored.EnumerateArray().ShouldAllBe(k => Convert.FromBase64String(k.GetProperty("sealedPrivateKey").GetString()!).Length == 12 + 32 + 16);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task on_the_embedded_store_keys_without_a_configured_secret_are_sealed_by_a_generated_key_encryption_key()
    {
        var bare = new Node(Path.Combine(_root, "bare"));

        var generated = await SiloCli.RunAsync(bare.Environment, "keys", "generate", "--authority", "CN-MOJ");

        generated.ExitCode.ShouldBe(0, generated.ToString());
        var kek = Path.Combine(bare.DataPath, "key-encryption.key");
        generated.StandardError.ShouldBe(
            $"note: the keys are sealed by the key-encryption key generated into {kek}; in production set MlaFlow__Keys__Kek or MlaFlow__Keys__Passphrase instead." + Environment.NewLine);
        File.GetUnixFileMode(kek).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await SiloCli.RunAsync(bare.Environment, "keys", "rotate", "--authority", "CN-MOJ")).ExitCode.ShouldBe(0, "the same generated key opens the store again");
        var withAnotherKek = bare with { Environment = new Dictionary<string, string>(bare.Environment) { ["MlaFlow__Keys__Kek"] = Convert.ToBase64String(new byte[32]) } };
        (await withAnotherKek.FailAsync("keys", "rotate", "--authority", "CN-MOJ")).StandardError.ShouldContain("does not open the key store");
    }

    [Fact]
    public async Task on_postgresql_changing_keys_without_a_passphrase_or_key_encryption_key_is_refused()
    {
        // The nodes of a PostgreSQL deployment share the keys' secret, so none makes one up; the command reads no database.
        var bare = new Node(Path.Combine(_root, "bare"),
            ("MlaFlow__Storage__Provider", "Postgres"), ("MlaFlow__Storage__ConnectionString", "Host=127.0.0.1;Username=mlaflow;Database=mlaflow"));

        var refused = await bare.FailAsync("keys", "generate", "--authority", "CN-MOJ");

        refused.StandardError.ShouldBe(
            "error: keys generate needs the key store's passphrase or key-encryption key: set MlaFlow__Keys__Passphrase (at least 12 characters) or MlaFlow__Keys__Kek (32 bytes, base64) in the environment."
            + Environment.NewLine);
        File.Exists(Path.Combine(bare.DataPath, "key-encryption.key")).ShouldBeFalse();
    }

    [Fact]
    public async Task a_passphrase_on_the_command_line_is_refused_rather_than_left_in_shell_history()
    {
        var bare = new Node(Path.Combine(_root, "bare"));

        var refused = await bare.FailAsync("keys", "generate", "--authority", "CN-MOJ", "--MlaFlow:Keys:Passphrase=correct horse battery staple");

        refused.StandardError.ShouldContain("MlaFlow:Keys:Passphrase was given on the command line");
        Directory.Exists(bare.DataPath).ShouldBeFalse();
    }

    [Fact]
    public async Task another_key_encryption_key_does_not_open_the_store()
    {
        await _thailand.RunAsync("keys", "generate", "--authority", "TH-OAG");
        var intruder = _thailand with { Environment = new Dictionary<string, string>(_thailand.Environment) { ["MlaFlow__Keys__Kek"] = Convert.ToBase64String(new byte[32]) } };

        var refused = await intruder.FailAsync("keys", "rotate", "--authority", "TH-OAG");

        refused.StandardError.ShouldContain("The key-encryption key given does not open the key store");
    }

    [Fact]
    public async Task listing_an_empty_data_folder_says_so()
    {
        var listed = await _thailand.RunAsync("keys", "list");

        listed.OutputLines.ShouldBe(["no keys"]);
    }

    [Theory]
    [InlineData("--authority is required", "keys", "generate")]
    [InlineData("'cn-moj' is not an authority id such as CN-MOJ", "keys", "generate", "--authority", "cn-moj")]
    [InlineData("DE-BMJ is not served by this node", "keys", "generate", "--authority", "DE-BMJ")]
    [InlineData("CN-MOJ already has 2 key(s) here", "keys", "generate", "--authority", "CN-MOJ")]
    [InlineData("--suite: 'rsa' is not x25519-ed25519 or p256", "keys", "generate", "--authority", "TH-OAG", "--suite", "rsa")]
    [InlineData("TH-OAG has no keys here to rotate", "keys", "rotate", "--authority", "TH-OAG")]
    [InlineData("--key-id is required", "keys", "revoke", "--authority", "CN-MOJ")]
    [InlineData("--key-id: 'xyz' is not a key id", "keys", "revoke", "--authority", "CN-MOJ", "--key-id", "xyz")]
    [InlineData($"has no key {KeyIdOfNothing} of CN-MOJ", "keys", "revoke", "--authority", "CN-MOJ", "--key-id", KeyIdOfNothing)]
    [InlineData("holds no keys of TH-OAG", "keys", "export-public", "--authority", "TH-OAG")]
    [InlineData("'XX' is not an authority id", "keys", "list", "--authority", "XX")]
    [InlineData("give the bundle file", "keys", "import-peer")]
    [InlineData("missing.json is not a file", "keys", "import-peer", "missing.json", "--fingerprint", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("--fingerprint is required", "keys", "import-peer", "{bundle}")]
    [InlineData("--fingerprint: 'xyz' is not 64 hex digits", "keys", "import-peer", "{bundle}", "--fingerprint", "xyz")]
    [InlineData("CN-MOJ is served by this node: its keys are made here", "keys", "import-peer", "{bundle}", "--fingerprint", "{fingerprint}")]
    [InlineData("is not a valid public key bundle", "keys", "import-peer", "{not-a-bundle}", "--fingerprint", "{fingerprint}")]
    public async Task a_mistake_is_an_error_on_stderr_with_exit_code_2_and_changes_nothing(string message, params string[] arguments)
    {
        // Sealed under a key-encryption key: the passphrase's deliberate slowness would only slow these cases down.
        var node = new Node(Path.Combine(_root, "node"), ("MlaFlow__Keys__Kek", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        await node.RunAsync("keys", "generate", "--authority", "CN-MOJ");
        var bundleFile = Path.Combine(_root, "cn-moj.json");
        var fingerprint = (await node.RunAsync("keys", "export-public", "--authority", "CN-MOJ", "--out", bundleFile)).OutputLines[1]["fingerprint: ".Length..];
        var notABundle = Path.Combine(_root, "not-a-bundle.json");
        File.WriteAllText(notABundle, """{ "format": "something else" }""");
        var before = Snapshot();

        var refused = await node.FailAsync([.. arguments.Select(a => a.Replace("{bundle}", bundleFile).Replace("{fingerprint}", fingerprint).Replace("{not-a-bundle}", notABundle))]);

        refused.StandardError.ShouldContain(message, Case.Sensitive);
        Snapshot().ShouldBe(before);
    }

    // Every file under the test's folder with its content: a refused command must leave all of it as it was.
    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => Convert.ToBase64String(File.ReadAllBytes(f)));

    private static List<KeyLine> KeyLines(CommandResult result, string holder) =>
        [.. result.OutputLines.Where(l => l.StartsWith(holder + " ", StringComparison.Ordinal)).Select(KeyLine.Parse)];

    /// <summary>One node's data folder and configuration.</summary>
    private sealed record Node(string DataPath, IReadOnlyDictionary<string, string> Environment)
    {
        public Node(string dataPath, params (string Name, string Value)[] settings)
            : this(dataPath, settings.Append((Name: "MlaFlow__DataPath", Value: dataPath)).ToDictionary(s => s.Name, s => s.Value))
        {
        }

        /// <summary>Runs a command that must succeed, and say nothing on stderr (but export-public's fingerprint).</summary>
        public async Task<CommandResult> RunAsync(params string[] arguments)
        {
            var result = await SiloCli.RunAsync(Environment, arguments);
            result.ExitCode.ShouldBe(0, result.ToString());
            if (arguments is not [_, "export-public", ..])
            {
                result.StandardError.ShouldBeEmpty(result.ToString());
            }

            return result;
        }

        /// <summary>Runs a command that must be refused: exit code 2, one <c>error:</c> line on stderr, nothing on stdout.</summary>
        public async Task<CommandResult> FailAsync(params string[] arguments)
        {
            var result = await SiloCli.RunAsync(Environment, arguments);
            result.ExitCode.ShouldBe(2, result.ToString());
            result.StandardOutput.ShouldBeEmpty(result.ToString());
            result.StandardError.ShouldStartWith("error: ", Case.Sensitive, result.ToString());
            result.StandardError.Trim().ShouldNotContain("\n", Case.Sensitive, result.ToString());
            return result;
        }
    }

    /// <summary>A key line: <c>own|peer AUTHORITY use id suite status created … fingerprint …</c>.</summary>
    private sealed record KeyLine(string Holder, string Authority, string Use, string Id, string Suite, string Status, string Rest)
    {
        public static KeyLine Parse(string line)
        {
            var parts = line.Split(' ', 7, StringSplitOptions.RemoveEmptyEntries);
            return new KeyLine(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
        }
    }
}
