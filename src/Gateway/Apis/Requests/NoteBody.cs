namespace MlaFlow.Gateway.Apis.Requests;

/// <summary>The body of <c>POST /api/v1/requests/{id}/notes</c>.</summary>
public sealed record NoteBody(string? Text);
