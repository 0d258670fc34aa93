using System.Diagnostics;
using System.Net;
using MlaFlow.Silo.Tests.Api;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Hosting;

/// <summary>What the node tells the person who starts it, and that it works as printed.</summary>
public sealed class StartupBannerTests
{
    [Fact]
    public async Task the_token_hint_works_as_printed_from_another_folder_without_the_nodes_settings()
    {
        await using var store = await NodeStore.CreateAsync(StorageKind.Sqlite);
        await using var node = await NodeProcess.StartAsync(store);
        var hint = await Eventually.FoundAsync(
            () => Task.FromResult(node.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("more: ", StringComparison.Ordinal))),
            "the banner's token hint");

        var token = await RunInShellAsync(hint["more: ".Length..]);

        using var api = new RequestsClient(node.Address, token.Trim());
        var created = await api.CreateAsync(SampleRequests.EvidenceMarked("[hint]"), "hint-1");
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task help_prints_the_commands_instead_of_starting_a_node(string option)
    {
        var result = await SiloCli.RunAsync(new Dictionary<string, string> { ["MlaFlow__DataPath"] = Path.Combine(Path.GetTempPath(), $"mlaflow-never-{Guid.NewGuid():N}") }, option);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("Without a command, runs the node");
        result.StandardOutput.ShouldContain("keys");
        result.StandardOutput.ShouldNotContain("listening", Case.Sensitive, "no node was started");
    }

    // As a person pastes it: through a shell, in their home folder, with none of the node's settings in the environment.
    private static async Task<string> RunInShellAsync(string command)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        foreach (var setting in info.Environment.Keys.Where(k => k.StartsWith("MlaFlow", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(setting);
        }

        using var shell = Process.Start(info)!;
        var output = shell.StandardOutput.ReadToEndAsync();
        var error = shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        shell.ExitCode.ShouldBe(0, $"{command}: {await error}");
        return await output;
    }
}
