using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;
using static MlaFlow.Gateway.Tests.Infrastructure.TwoNodes;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// One node serving both authorities (the embedded default), with a key-encryption key but no authority keys: files
/// are still kept encrypted, and the result Thailand sends gives China's copy the very file Thailand uploaded.
/// </summary>
public sealed class SharingFilesOnOneNode : IAsyncLifetime
{
    private GatewayNode _node = null!;

    public async Task InitializeAsync() => _node = await GatewayNode.StartAsync(StorageKind.Sqlite,
        settings: new Dictionary<string, string> { ["MlaFlow:Keys:Kek"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task a_file_thailand_uploads_reaches_chinas_copy_on_the_same_node()
    {
        using var chineseOfficer = _node.ClientFor("CN-MOJ", Roles.Officer);
        using var chineseProsecutor = _node.ClientFor("CN-MOJ", Roles.Prosecutor);
        using var thaiOfficer = _node.ClientFor("TH-OAG", Roles.Officer);
        var id = await SendEvidenceRequestAsync(chineseOfficer, chineseProsecutor);
        var copy = (await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is not null))["counterpart"]!.GetValue<string>();
        await EvidenceWalk.ToReviewAsync(thaiOfficer);
        var evidence = RandomNumberGenerator.GetBytes(100_000);
        var uploaded = await EvidenceWalk.UploadAsync(thaiOfficer, copy, evidence, "ledger.xlsx", "application/vnd.ms-excel");
        await CompleteAsync(thaiOfficer, "review", "complete");

        var received = await EventuallyAsync(chineseOfficer, id, r => r["files"] is JsonArray { Count: 1 });
        var file = received["files"]![0]!;
        file["id"]!.GetValue<string>().ShouldBe(uploaded["id"]!.GetValue<string>());
        file["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(evidence)));
        using var download = await chineseOfficer.GetAsync($"/api/v1/requests/{id}/files/{file["id"]}");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(evidence);
    }
}
