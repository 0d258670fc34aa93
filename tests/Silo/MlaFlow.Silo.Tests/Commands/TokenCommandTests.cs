using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Commands;

/// <summary>
/// <c>MlaFlow.Silo token</c> is meant for scripts (<c>TOKEN=$(… token …)</c>): on success its stdout is the
/// token and nothing else; on a mistake stdout stays empty, so a script never sends an error as a token.
/// </summary>
public sealed partial class TokenCommandTests : IAsyncLifetime
{
    private NodeStore _store = null!;

    public async Task InitializeAsync() => _store = await NodeStore.CreateAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task token_prints_exactly_one_line_holding_a_jwt_for_the_authority_and_role_asked_for()
    {
        var result = await SiloCli.RunAsync(_store.Environment, "token", "--authority", "CN-MOJ", "--role", "officer");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardError.ShouldBeEmpty();
        result.StandardOutput.ShouldEndWith(Environment.NewLine);
        result.OutputLines.Count.ShouldBe(1, result.ToString());
        var token = result.OutputLines[0];
        Jwt().IsMatch(token).ShouldBeTrue($"not three base64url parts: {token}");
        var claims = JsonSerializer.Deserialize<JsonElement>(Base64UrlDecode(token.Split('.')[1]));
        claims.GetProperty("authority").GetString().ShouldBe("CN-MOJ");
        claims.GetProperty("role").GetString().ShouldBe("officer");
    }

    [Fact]
    public async Task token_for_an_unknown_role_fails_with_a_message_on_stderr_and_nothing_on_stdout()
    {
        var result = await SiloCli.RunAsync(_store.Environment, "token", "--authority", "CN-MOJ", "--role", "judge");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.ShouldContain("'judge' is not a role");
    }

    [Fact]
    public async Task token_for_an_authority_the_node_does_not_serve_fails_with_a_message_on_stderr_and_nothing_on_stdout()
    {
        // DE-BMJ is a well-formed authority id; the node serves only CN-MOJ and TH-OAG (appsettings.json).
        var result = await SiloCli.RunAsync(_store.Environment, "token", "--authority", "DE-BMJ", "--role", "officer");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.ShouldContain("DE-BMJ is not served by this node");
    }

    private static string Base64UrlDecode(string part) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '=')));

    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")]
    private static partial Regex Jwt();
}
