using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Exchange;

/// <summary>
/// An officer or prosecutor working cases through one node's API (<c>/api/v1/requests</c>, <c>/api/v1/tasks</c>) with a
/// bearer token of their own. Every answer is checked for its status code, and a wrong one fails with the body.
/// </summary>
internal sealed class CaseWorker : IDisposable
{
    // Long enough for 50 MB to be encrypted as it is uploaded on a loaded machine; short enough that a hung node fails the test.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    private readonly Func<Uri> _node;
    private readonly string _token;
    private readonly HttpClient _http = new() { Timeout = CallTimeout };

    /// <param name="node">The node's address, asked for at each call: a restarted node has another.</param>
    /// <param name="token">The bearer token, which says the authority and the role.</param>
    public CaseWorker(Func<Uri> node, string token)
    {
        _node = node;
        _token = token;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The same person, calling the node through <paramref name="address"/> (a proxy) instead.</summary>
    public CaseWorker Through(Uri address) => new(() => address, _token);

    /// <returns>The new request's id.</returns>
    public async Task<string> CreateRequestAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, At("/api/v1/requests")) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _http.SendAsync(request);
        return (await ReadJsonAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> RequestAsync(string id)
    {
        using var response = await _http.GetAsync(At($"/api/v1/requests/{id}"));
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Every message of request <paramref name="id"/>, sent and received, with the delivery of each sent one.</summary>
    public async Task<JsonArray> MessagesAsync(string id)
    {
        using var response = await _http.GetAsync(At($"/api/v1/requests/{id}/messages"));
        return (await ReadJsonAsync(response, HttpStatusCode.OK)).AsArray();
    }

    /// <summary>The authority's requests, as the list page shows them (<c>total</c>, <c>items</c>).</summary>
    public async Task<JsonNode> RequestsAsync()
    {
        using var response = await _http.GetAsync(At("/api/v1/requests"));
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Request <paramref name="id"/> once <paramref name="condition"/> holds for it.</summary>
    public Task<JsonNode> WaitForAsync(string id, Func<JsonNode, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.FoundAsync(async () => await RequestAsync(id) is var request && condition(request) ? request : null, $"request {id}: {what}", timeout);

    /// <summary>The open task at <paramref name="step"/>, once the workflow has got there.</summary>
    public Task<JsonNode> WaitForTaskAsync(string step) =>
        Eventually.FoundAsync(async () =>
        {
            using var response = await _http.GetAsync(At("/api/v1/tasks"));
            return (await ReadJsonAsync(response, HttpStatusCode.OK)).AsArray().FirstOrDefault(t => t!["stepId"]!.GetValue<string>() == step);
        }, $"a task at {step}");

    /// <summary>Completes the task at <paramref name="step"/>, once the workflow has got there.</summary>
    public async Task CompleteAsync(string step, string outcome, JsonObject? form = null)
    {
        var task = await WaitForTaskAsync(step);
        var body = new JsonObject { ["outcome"] = outcome, ["form"] = form ?? [] };
        using var response = await _http.PostAsync(At($"/api/v1/tasks/{task["id"]!.GetValue<string>()}/complete"), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Uploads <paramref name="bytes"/> as an evidence file of request <paramref name="id"/>.</summary>
    /// <returns>The file's record: id, name, size, SHA-256.</returns>
    public async Task<JsonNode> UploadAsync(string id, string name, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.PostAsync(At($"/api/v1/requests/{id}/files?name={Uri.EscapeDataString(name)}&category=evidence"), content);
        return await ReadJsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Downloads file <paramref name="fileId"/> of request <paramref name="id"/>, hashing it as it streams.</summary>
    /// <returns>The SHA-256 of the bytes received, lower-case hex.</returns>
    public async Task<string> DownloadSha256Async(string id, string fileId)
    {
        using var response = await _http.GetAsync(At($"/api/v1/requests/{id}/files/{fileId}"), HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var body = await response.Content.ReadAsStreamAsync();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(body));
    }

    public void Dispose() => _http.Dispose();

    private Uri At(string path) => new(_node(), path);

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body)!;
    }
}
