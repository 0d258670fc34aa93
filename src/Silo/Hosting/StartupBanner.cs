using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MlaFlow.Gateway.Security;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Tells the person who started the node where it listens and, when the node signs its own tokens
/// (no identity provider configured), gives them a token to try the API with.
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, NodeSettings node, SigningKey signingKey, TokenIssuer tokens, IClock clock,
    IOptions<KeysOptions> keys)
    : IHostedService
{
    private static readonly TimeSpan DevTokenLifetime = TimeSpan.FromHours(12);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var authorities = string.Join(", ", node.Authorities.Select(a => a.Value).Order());
        Console.WriteLine($"MlaFlow node listening on {string.Join(", ", urls)}");
        Console.WriteLine($"  authorities: {authorities}; storage: {node.Storage.Provider}; data folder: {node.DataPath}");
        if (string.IsNullOrEmpty(keys.Value.Passphrase) && string.IsNullOrEmpty(keys.Value.Kek) && File.Exists(GeneratedKek.PathIn(node.DataPath)))
        {
            Console.WriteLine($"  keys and files: sealed by the key-encryption key generated into {GeneratedKek.PathIn(node.DataPath)};");
            Console.WriteLine("    in production set MlaFlow__Keys__Kek (or MlaFlow__Keys__Passphrase) instead: a key beside the data protects nothing from whoever takes the disk");
        }
        if (signingKey.Generated)
        {
            var authority = node.Authorities.OrderBy(a => a.Value).First();
            var token = tokens.Issue(authority, Roles.Officer, "dev", clock.GetCurrentInstant().ToDateTimeOffset(), DevTokenLifetime);
            Console.WriteLine($"  dev token ({authority} officer, {DevTokenLifetime.TotalHours:0} h): {token}");
            Console.WriteLine($"  more: {ThisNode()} token --authority {authority} --role prosecutor --MlaFlow:DataPath={Quoted(node.DataPath)}");
        }
    }

    // The command that started this node, so the hint runs the same build on the same data folder, however the node was
    // started: `dotnet run` (the apphost), a published executable, or `dotnet MlaFlow.Silo.dll`.
    private static string ThisNode()
    {
        var process = Environment.ProcessPath ?? "MlaFlow.Silo";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{Quoted(process)} {Quoted(typeof(StartupBanner).Assembly.Location)}"
            : Quoted(process);
    }

    private static string Quoted(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\')
        ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'"
        : path;
}
