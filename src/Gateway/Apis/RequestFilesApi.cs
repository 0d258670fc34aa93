using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using MlaFlow.Gateway.Apis.Requests;
using MlaFlow.Gateway.Files;
using MlaFlow.Gateway.Problems;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;
using NodaTime;
using Orleans;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>/api/v1/requests/{id}/files</c>: evidence files held with a request. An upload is encrypted as it streams into
/// the node's file store (nothing is written in clear), its SHA-256 recorded with the request for the chain of custody,
/// and the next message the workflow sends carries it to the counterpart. A download is decrypted as it streams out,
/// each segment authenticated first. Officers and prosecutors of the request's authority only.
/// </summary>
public static class RequestFilesApi
{
    public static RouteGroupBuilder MapRequestFilesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/requests/{id}/files").WithTags("Requests").RequireAuthorization(Policies.CaseWork);
        group.MapPost("/", UploadAsync).WithName("UploadRequestFile").Produces<EvidenceFile>(StatusCodes.Status201Created);
        group.MapGet("/{fileId}", DownloadAsync).WithName("DownloadRequestFile");
        return group;
    }

    private static async Task<IResult> UploadAsync(
        string id, string? name, string? category, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, EvidenceFileStore files, IClock clock)
    {
        var request = await RequestsApi.FindOwnAsync(id, user, grains);
        if (request is null)
        {
            return RequestsApi.NotFound(id);
        }

        var errors = new ValidationErrors();
        var mediaType = http.ContentType?.Split(';', 2)[0].Trim();
        AddIf(errors, "name", EvidenceFileRules.NameProblem(name));
        AddIf(errors, "Content-Type", EvidenceFileRules.MediaTypeProblem(mediaType));
        var kind = new FieldReader(errors).Enum<AttachmentCategory>(category, "category", required: false) ?? AttachmentCategory.Evidence;
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        if (http.ContentLength > RequestLimits.MaxAttachmentBytes)
        {
            return TooLarge();
        }

        if (!request.IsRunning)
        {
            return ApiProblems.Conflict("The request's workflow is not running, so no message would carry the file to the counterpart.");
        }

        if (!files.IsAvailable)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "File store locked",
                detail: "Files are kept encrypted under the node's key store, which is not unlocked: set MlaFlow__Keys__Passphrase (at least 12 characters) or MlaFlow__Keys__Kek in the node's environment.");
        }

        // Evidence can be large: the limit is the file store's, checked as the body streams, not Kestrel's default.
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        StoredFile stored;
        try
        {
            stored = await files.AddAsync(http.Body, RequestLimits.MaxAttachmentBytes, http.HttpContext.RequestAborted);
        }
        catch (EvidenceFileTooLargeException)
        {
            return TooLarge();
        }

        var actor = user.ToActor();
        var file = new EvidenceFile(stored.Id, name!, mediaType!, stored.Size, stored.Sha256, kind, clock.GetCurrentInstant(), actor.ToString());
        try
        {
            var changed = await ConcurrentWrite.RetryAsync(() => grains.GetGrain<IAssistanceRequestGrain>(request.Id.Value).AddFileAsync(actor, file));
            return TypedResults.Created($"/api/v1/requests/{request.Id}/files/{stored.Id}", changed.Files!.Single(f => f.Id == stored.Id));
        }
        catch (Exception e)
        {
            // Stored before the request recorded it: a file no request holds is deleted, whatever went wrong.
            files.Delete(stored.Id);
            if (e is RequestConflictException)
            {
                return ApiProblems.Conflict(e.Message);
            }

            throw;
        }
    }

    private static async Task<IResult> DownloadAsync(string id, string fileId, ClaimsPrincipal user, IGrainFactory grains, EvidenceFileStore files)
    {
        var request = await RequestsApi.FindOwnAsync(id, user, grains);
        if (request?.Files?.FirstOrDefault(f => f.Id == fileId) is not { } file)
        {
            return request is null ? RequestsApi.NotFound(id) : ApiProblems.NotFound($"Request {request.Id} holds no file '{(fileId.Length > 64 ? fileId[..64] + "…" : fileId)}'.");
        }

        return new DecryptedFile(file, files);
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
        detail: $"A file may have at most {RequestLimits.MaxAttachmentBytes} bytes.");

    private static void AddIf(ValidationErrors errors, string path, string? problem)
    {
        if (problem is not null)
        {
            errors.Add(path, problem);
        }
    }

    // Streams the plaintext segment by segment, each authenticated before it is written. A file altered on disk is
    // found at the altered segment, after the response has begun: the connection is then aborted, so the client sees
    // a broken transfer rather than a short file it could take for whole.
    private sealed class DecryptedFile(EvidenceFile file, EvidenceFileStore files) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = file.MediaType;
            response.ContentLength = file.Size;
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(file.Name);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
            try
            {
                await files.DecryptAsync(file.Id, response.Body, httpContext.RequestAborted);
            }
            catch (AttachmentTamperedException)
            {
                httpContext.Abort();
            }
        }
    }
}
