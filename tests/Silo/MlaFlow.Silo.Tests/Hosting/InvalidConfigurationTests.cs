using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Hosting;

/// <summary>
/// A node with a bad setting must refuse to start and say which key is wrong, rather than run half-configured
/// (on the wrong database, or serving an authority nobody meant). These runs must end on their own; a node
/// that starts anyway is killed by <see cref="SiloCli"/> after its timeout and the test fails.
/// </summary>
public sealed class InvalidConfigurationTests : IAsyncLifetime
{
    private NodeStore _store = null!;

    public async Task InitializeAsync() => _store = await NodeStore.CreateAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData("MlaFlow__Authorities__0", "nonsense", "MlaFlow:Authorities")]
    [InlineData("MlaFlow__Storage__Provider", "Oracle", "MlaFlow:Storage:Provider")]
    [InlineData("MlaFlow__Storage__Provider", "Postgres", "MlaFlow:Storage:ConnectionString")]
    public async Task node_with_an_invalid_setting_exits_with_code_2_naming_the_key(string variable, string value, string namedKey)
    {
        var result = await SiloCli.RunAsync(_store.EnvironmentWith((variable, value)), "--urls", "http://127.0.0.1:0");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldStartWith("error: ", Case.Sensitive, result.ToString());
        result.StandardError.ShouldContain(namedKey, Case.Sensitive, result.ToString());
        result.StandardError.ShouldNotContain("   at ", Case.Sensitive, "no stack trace for a configuration mistake");
    }
}
