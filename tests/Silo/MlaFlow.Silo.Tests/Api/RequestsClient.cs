using System.Net.Http.Headers;
using System.Text;

namespace MlaFlow.Silo.Tests.Api;

/// <summary>A caller of one node's <c>/api/v1/requests</c>, holding one bearer token.</summary>
public sealed class RequestsClient : IDisposable
{
    // Long enough for a loaded CI machine, short enough that a hung node fails the test, not the build.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http;

    public RequestsClient(Uri node, string token)
    {
        _http = new HttpClient { BaseAddress = node, Timeout = CallTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<ApiResponse> CreateAsync(string json, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/requests", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await _http.SendAsync(request, cancellationToken);
        return await ApiResponse.ReadAsync(response, cancellationToken);
    }

    public async Task<ApiResponse> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/requests/{Uri.EscapeDataString(id)}", UriKind.Relative), cancellationToken);
        return await ApiResponse.ReadAsync(response, cancellationToken);
    }

    public async Task<ApiResponse> AddNoteAsync(string id, string text, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"/api/v1/requests/{Uri.EscapeDataString(id)}/notes", UriKind.Relative), content, cancellationToken);
        return await ApiResponse.ReadAsync(response, cancellationToken);
    }

    /// <summary>Completes task <paramref name="taskId"/> (<c>&lt;request id&gt;.&lt;token&gt;</c>) with an outcome and an empty form.</summary>
    public async Task<ApiResponse> CompleteTaskAsync(string taskId, string outcome, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { outcome, form = new { } }), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"/api/v1/tasks/{Uri.EscapeDataString(taskId)}/complete", UriKind.Relative), content, cancellationToken);
        return await ApiResponse.ReadAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
