using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>POST /api/v1/requests/{id}/files</c> and <c>GET /api/v1/requests/{id}/files/{fileId}</c> on a node whose key
/// store is unlocked by a key-encryption key (files are sealed under the store's own key, so no authority needs keys):
/// officers and prosecutors of the request's authority add evidence to a running request, kept only encrypted and
/// recorded with its SHA-256, and get the very bytes back. An upload refused for any reason stores nothing.
/// </summary>
public abstract class UploadingFiles(StorageKind storage) : IAsyncLifetime
{
    private const string Name = "bank-records.pdf";
    private const string MediaType = "application/pdf";

    // xunit makes a new instance for every test: each test boots its own node on its own database.
    private GatewayNode _node = null!;
    private HttpClient _officer = null!;
    private string _request = null!;

    public async Task InitializeAsync()
    {
        _node = await GatewayNode.StartAsync(storage, settings: new Dictionary<string, string>
        {
            ["MlaFlow:Keys:Kek"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        _officer = _node.ClientFor(GatewayNode.China, Roles.Officer);
        _request = await CreateAsync(_officer);
    }

    public async Task DisposeAsync()
    {
        _officer?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [SkippableTheory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Prosecutor)]
    public async Task an_officer_or_a_prosecutor_adds_a_file_recorded_with_its_sha256(string role)
    {
        using var client = _node.ClientFor(GatewayNode.China, role);
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var before = await _node.CountsAsync();

        using var response = await UploadAsync(client, bytes);

        var file = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = file["id"]!.GetValue<string>();
        EvidenceFileId.IsValid(id).ShouldBeTrue(id);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/requests/{_request}/files/{id}");
        (Text(file, "name"), Text(file, "mediaType"), file["size"]!.GetValue<long>(), Text(file, "sha256"), Text(file, "category"))
            .ShouldBe((Name, MediaType, (long)bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), "evidence"));
        Text(file, "addedBy").ShouldStartWith($"{role}:{GatewayNode.China}:");
        var request = await ReadAsync(_request);
        request["files"]!.AsArray().Single()!.ToJsonString().ShouldBe(file.ToJsonString());
        Text(request["timeline"]!.AsArray()[^1]!, "what").ShouldStartWith($"file added: {Name}");
        (await _node.CountsAsync()).ShouldBe(before with { AuditRecords = before.AuditRecords + 1 });
    }

    [SkippableFact]
    public async Task the_download_gives_back_the_exact_bytes_with_their_name_type_and_digest()
    {
        // Several segments, the last short: each is decrypted and authenticated on its way out.
        var bytes = RandomNumberGenerator.GetBytes(EvidenceFileStore.SegmentSize + 7);
        var id = await UploadedAsync(bytes);

        using var download = await _officer.GetAsync($"/api/v1/requests/{_request}/files/{id}");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        (disposition.DispositionType, disposition.FileName).ShouldBe(("attachment", Name));
        download.Headers.GetValues("Repr-Digest").Single().ShouldBe($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:");
    }

    [SkippableFact]
    public async Task a_file_the_request_does_not_hold_is_not_found()
    {
        await UploadedAsync(RandomNumberGenerator.GetBytes(10));

        using var response = await _officer.GetAsync($"/api/v1/requests/{_request}/files/{EvidenceFileId.New()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task an_admin_may_neither_add_nor_read_files()
    {
        var id = await UploadedAsync(RandomNumberGenerator.GetBytes(10));
        using var admin = _node.ClientFor(GatewayNode.China, Roles.Admin);

        await ShouldStoreNothingAsync(() => UploadAsync(admin, RandomNumberGenerator.GetBytes(10)), HttpStatusCode.Forbidden);
        using var download = await admin.GetAsync($"/api/v1/requests/{_request}/files/{id}");
        download.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task without_a_token_files_are_neither_added_nor_read()
    {
        var id = await UploadedAsync(RandomNumberGenerator.GetBytes(10));
        using var anonymous = _node.CreateClient();

        await ShouldStoreNothingAsync(() => UploadAsync(anonymous, RandomNumberGenerator.GetBytes(10)), HttpStatusCode.Unauthorized);
        using var download = await anonymous.GetAsync($"/api/v1/requests/{_request}/files/{id}");
        download.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task another_authoritys_request_is_not_found_to_add_or_read_files()
    {
        var id = await UploadedAsync(RandomNumberGenerator.GetBytes(10));
        using var thai = _node.ClientFor(GatewayNode.Thailand, Roles.Officer);

        await ShouldStoreNothingAsync(() => UploadAsync(thai, RandomNumberGenerator.GetBytes(10)), HttpStatusCode.NotFound);
        using var download = await thai.GetAsync($"/api/v1/requests/{_request}/files/{id}");
        await download.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [InlineData("category=evidence", MediaType, "name")]
    [InlineData("name=evidence%2Fbank-records.pdf", MediaType, "name")]
    [InlineData("name=bank-records.pdf", "pdf", "Content-Type")]
    [InlineData("name=bank-records.pdf", null, "Content-Type")]
    [InlineData("name=bank-records.pdf&category=selfie", MediaType, "category")]
    [InlineData("name=invoice%E2%80%AEfdp.exe", MediaType, "name")]
    [InlineData("name=%E2%81%A6bank-records.pdf", MediaType, "name")]
    [InlineData("name=bank-records%E2%80%8F.pdf", MediaType, "name")]
    public async Task an_upload_without_a_plain_name_a_media_type_or_a_known_category_is_invalid_and_stores_nothing(
        string query, string? contentType, string field)
    {
        var before = await _node.CountsAsync();
        var request = (await ReadAsync(_request)).ToJsonString();

        using var response = await UploadAsync(_officer, RandomNumberGenerator.GetBytes(10), query, contentType);

        await response.ShouldBeInvalidAsync(field);
        (await _node.CountsAsync()).ShouldBe(before);
        (await ReadAsync(_request)).ToJsonString().ShouldBe(request);
        _node.FilesKept().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task a_file_name_that_would_show_as_another_is_refused_naming_the_code_point()
    {
        // Shown right to left after U+202E, "invoice\u202Efdp.exe" reads "invoiceexe.pdf".
        using var response = await UploadAsync(_officer, RandomNumberGenerator.GetBytes(10), $"name={Uri.EscapeDataString("invoice\u202Efdp.exe")}");

        (await response.ShouldBeInvalidAsync("name")).Single().ShouldStartWith("U+202E RIGHT-TO-LEFT OVERRIDE (character 8) is not allowed here");
        _node.FilesKept().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task a_khmer_file_name_keeps_its_word_break()
    {
        const string name = "របាយការណ៍\u200Bធនាគារ.pdf";

        using var response = await UploadAsync(_officer, RandomNumberGenerator.GetBytes(10), $"name={Uri.EscapeDataString(name)}");

        Text(await response.ShouldBeJsonAsync(HttpStatusCode.Created), "name").ShouldBe(name);
    }

    // RFC 6266 section 4.3 and appendix D: an ASCII fallback in filename (a quoted-string where it needs one), and the name
    // itself in filename* as RFC 8187 has it: UTF-8, every byte outside attr-char percent-encoded.
    [SkippableTheory]
    [InlineData("สัญญา.pdf", "attachment; filename=_____.pdf; filename*=UTF-8''%E0%B8%AA%E0%B8%B1%E0%B8%8D%E0%B8%8D%E0%B8%B2.pdf")]
    [InlineData("银行记录.pdf", "attachment; filename=____.pdf; filename*=UTF-8''%E9%93%B6%E8%A1%8C%E8%AE%B0%E5%BD%95.pdf")]
    [InlineData("statement \"final\"; 2026.pdf", "attachment; filename=\"statement \\\"final\\\"; 2026.pdf\"; filename*=UTF-8''statement%20%22final%22%3B%202026.pdf")]
    public async Task a_download_names_the_file_in_content_disposition_as_rfc_6266_and_8187_have_it(string name, string disposition)
    {
        using var upload = await UploadAsync(_officer, RandomNumberGenerator.GetBytes(10), $"name={Uri.EscapeDataString(name)}");
        var id = Text(await upload.ShouldBeJsonAsync(HttpStatusCode.Created), "id");

        using var download = await _officer.GetAsync($"/api/v1/requests/{_request}/files/{id}");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.GetValues("Content-Disposition").Single().ShouldBe(disposition);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(name);
    }

    [SkippableFact]
    public async Task a_request_whose_workflow_has_ended_takes_no_files()
    {
        using var prosecutor = _node.ClientFor(GatewayNode.China, Roles.Prosecutor);
        await TwoNodes.CompleteAsync(prosecutor, "draft-review", "abandon");

        await ShouldStoreNothingAsync(() => UploadAsync(_officer, RandomNumberGenerator.GetBytes(10)), HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task without_a_configured_secret_an_embedded_node_takes_files_at_once_and_a_postgresql_node_none()
    {
        // The embedded node generates its key-encryption key; the nodes of a PostgreSQL deployment share theirs, so none
        // makes one up, and without it the file store stays locked.
        await using var unconfigured = await GatewayNode.StartAsync(storage);
        using var officer = unconfigured.ClientFor(GatewayNode.China, Roles.Officer);
        var request = await CreateAsync(officer);
        var before = await unconfigured.CountsAsync();

        using var response = await UploadAsync(officer, RandomNumberGenerator.GetBytes(10), request: request);

        if (storage == StorageKind.Sqlite)
        {
            await response.ShouldBeJsonAsync(HttpStatusCode.Created);
            File.Exists(Path.Combine(unconfigured.DataPath, "key-encryption.key")).ShouldBeTrue();
            unconfigured.FilesKept().ShouldNotBeEmpty();
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            (await unconfigured.CountsAsync()).ShouldBe(before);
            unconfigured.FilesKept().ShouldBeEmpty();
        }
    }

    [SkippableFact]
    public async Task a_file_is_nowhere_on_disk_in_clear()
    {
        var marker = Encoding.ASCII.GetBytes($"IN-CLEAR-{Guid.NewGuid():N}");
        var bytes = Enumerable.Repeat(marker, 2000).SelectMany(b => b).ToArray();

        await UploadedAsync(bytes);

        _node.FilesKept().ShouldNotBeEmpty();
        foreach (var path in Directory.EnumerateFiles(_node.DataPath, "*", SearchOption.AllDirectories))
        {
            File.ReadAllBytes(path).AsSpan().IndexOf(marker).ShouldBe(-1, path);
        }
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, byte[] bytes, string query = $"name={Name}&category=evidence", string? contentType = MediaType, string? request = null)
    {
        using var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            // Unvalidated, so the node sees a malformed type as a client would send it.
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return await client.PostAsync($"/api/v1/requests/{request ?? _request}/files?{query}", content);
    }

    /// <summary>Uploads <paramref name="bytes"/> as the officer; returns the file's id.</summary>
    private async Task<string> UploadedAsync(byte[] bytes)
    {
        using var response = await UploadAsync(_officer, bytes);
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> ReadAsync(string request)
    {
        using var response = await _officer.GetAsync($"/api/v1/requests/{request}");
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Asserts that <paramref name="upload"/> is answered <paramref name="status"/> and changes nothing: not the store, the request or the file store.</summary>
    private async Task ShouldStoreNothingAsync(Func<Task<HttpResponseMessage>> upload, HttpStatusCode status)
    {
        var before = await _node.CountsAsync();
        var request = (await ReadAsync(_request)).ToJsonString();
        var kept = _node.FilesKept();

        using var response = await upload();

        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await _node.CountsAsync()).ShouldBe(before);
        (await ReadAsync(_request)).ToJsonString().ShouldBe(request);
        _node.FilesKept().ShouldBe(kept);
    }

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();
}

public sealed class UploadingFilesOnSqlite() : UploadingFiles(StorageKind.Sqlite);

public sealed class UploadingFilesOnPostgres() : UploadingFiles(StorageKind.Postgres);
