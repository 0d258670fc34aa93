using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MlaFlow.Gateway.Security;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Tells the person who started the node where it listens and, when the node signs its own tokens
/// (no identity provider configured), gives them a token to try the API with.
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, NodeSettings node, SigningKey signingKey, TokenIssuer tokens, IClock clock)
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
        if (signingKey.Generated)
        {
            var authority = node.Authorities.OrderBy(a => a.Value).First();
            var token = tokens.Issue(authority, Roles.Officer, "dev", clock.GetCurrentInstant().ToDateTimeOffset(), DevTokenLifetime);
            Console.WriteLine($"  dev token ({authority} officer, {DevTokenLifetime.TotalHours:0} h): {token}");
            Console.WriteLine($"  more: dotnet run --project src/Silo -- token --authority {authority} --role prosecutor");
        }
    }
}
