using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests.Bugs;

/// <summary>
/// Anchoring the media-type pattern with <c>\z</c> inside a verbatim string wrote <c>\\z</c>, a literal
/// backslash: every attachment was refused, and with it every sample but the provisional arrest.
/// </summary>
public abstract class Bug_media_type_pattern_refused_every_attachment(StorageKind storage)
{
    [SkippableFact]
    public async Task common_media_types_are_accepted_and_a_trailing_line_break_is_not()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        foreach (var mediaType in new[] { "application/pdf", "image/jpeg", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })
        {
            var body = Samples.Json(Samples.Evidence);
            body["attachments"]![0]!["mediaType"] = mediaType;
            using var accepted = await officer.PostAsync("/api/v1/requests", Body.Json(body));
            (await accepted.ShouldBeJsonAsync(HttpStatusCode.Created))["attachments"]![0]!["mediaType"]!.GetValue<string>().ShouldBe(mediaType);
        }

        var before = await node.CountsAsync();
        var refusedBody = Samples.Json(Samples.Evidence);
        refusedBody["attachments"]![0]!["mediaType"] = "application/pdf\n";
        using var refused = await officer.PostAsync("/api/v1/requests", Body.Json(refusedBody));
        await refused.ShouldBeRefusedAsync("attachments[0].mediaType");
        (await node.CountsAsync()).ShouldBe(before);
    }
}

public sealed class Bug_media_type_pattern_refused_every_attachmentOnSqlite() : Bug_media_type_pattern_refused_every_attachment(StorageKind.Sqlite);

public sealed class Bug_media_type_pattern_refused_every_attachmentOnPostgres() : Bug_media_type_pattern_refused_every_attachment(StorageKind.Postgres);
