using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlaFlow.Gateway.Apis.Requests;
using MlaFlow.Gateway.Problems;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using Orleans;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>/api/v1/requests</c>: an authority's requests for assistance. A caller sees only its own
/// authority's requests; another authority's request answers 404, as if it did not exist.
/// </summary>
public static partial class RequestsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const int MaxIdempotencyKeyLength = 200;

    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/requests").WithTags("Requests").RequireAuthorization(Policies.CaseWork);
        group.MapPost("/", CreateAsync).WithName("CreateRequest")
            .Accepts<CreateRequestBody>("application/json")
            .Produces<AssistanceRequest>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id}", GetAsync).WithName("GetRequest");
        group.MapGet("/", ListAsync).WithName("ListRequests");
        group.MapPost("/{id}/notes", AddNoteAsync).WithName("AddRequestNote").Accepts<NoteBody>("application/json");
        group.MapPost("/{id}/signals/{signal}", SignalAsync).WithName("SignalRequest");
        group.MapGet("/{id}/messages", MessagesAsync).WithName("ListRequestMessages").Produces<IReadOnlyList<RequestMessage>>();
        return group;
    }

    // Everything wrong with a submission comes back in one answer: the Idempotency-Key, every field (wrong JSON types
    // included) and, as far as the fields could be read, the requested state's rules. The client fixes it all at once.
    private static async Task<IResult> CreateAsync(HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var idempotencyKey = http.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;
        if (idempotencyKey is not null && (idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c is < '!' or > '~')))
        {
            errors.Add("Idempotency-Key", $"At most {MaxIdempotencyKeyLength} printable ASCII characters without spaces.");
        }

        var (body, problem) = await JsonBody.ReadAsync<CreateRequestBody>(http, RequestLimits.MaxBodyBytes, errors);
        if (problem is not null)
        {
            return problem;
        }

        var actor = user.ToActor();
        var authority = grains.GetGrain<IAuthorityGrain>(actor.Authority.Value);
        var read = new FieldReader(errors);
        var draft = CreateRequestValidator.Read(body!, actor.Authority, read);
        if (errors.Any)
        {
            if (draft is not null)
            {
                foreach (var (path, messages) in await authority.CheckRequestAsync(draft))
                {
                    foreach (var message in messages)
                    {
                        errors.Add(read.PathInBody(path), message);
                    }
                }
            }

            return ApiProblems.InvalidSubmission(errors.ToDictionary());
        }

        try
        {
            var created = await ConcurrentWrite.RetryAsync(() => authority.CreateRequestAsync(draft!, actor, idempotencyKey));
            if (!created.Created)
            {
                http.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/v1/requests/{created.Request.Id}", created.Request);
        }
        catch (IdempotencyKeyReusedException e)
        {
            return ApiProblems.Unprocessable("Idempotency-Key reused", e.Message);
        }
        catch (RequestRejectedException e)
        {
            return ApiProblems.Refused(e.Problems);
        }
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var request = await FindOwnAsync(id, user, grains);
        return request is null ? NotFound(id) : TypedResults.Ok(request);
    }

    // The numbers are taken as text and read here: bound as numbers, a malformed one would be a bare 400 naming nothing.
    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IGrainFactory grains, string? status, string? kind, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var read = new FieldReader(errors);
        var statusFilter = read.Enum<RequestStatus>(status, "status", required: false);
        var kindFilter = read.Enum<RequestKind>(kind, "kind", required: false);
        var pageNumber = read.Integer(page, "page", 1, int.MaxValue, "a page number (1, 2, …)");
        var size = read.Integer(pageSize, "pageSize", 1, MaxPageSize, $"a page size from 1 to {MaxPageSize}");
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        var index = grains.GetGrain<IRequestIndexGrain>(user.ToActor().Authority.Value);
        return TypedResults.Ok(await index.ListAsync(statusFilter, kindFilter, pageNumber ?? 1, size ?? DefaultPageSize));
    }

    private static async Task<IResult> AddNoteAsync(string id, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await FindOwnAsync(id, user, grains) is null)
        {
            return NotFound(id);
        }

        var (body, problem) = await JsonBody.ReadAsync<NoteBody>(http, RequestLimits.MaxNoteLength * 4 + 1024);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (new FieldReader(errors).Text(body!.Text, "text", RequestLimits.MaxNoteLength, multiline: true) is not { } text)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        var noted = await ConcurrentWrite.RetryAsync(() => grains.GetGrain<IAssistanceRequestGrain>(id).AddNoteAsync(user.ToActor(), text));
        return TypedResults.Ok(noted);
    }

    // A signal is a decision about the case (withdraw it, say), which the workflow awaits at a step of its own: any
    // officer or prosecutor of the authority may raise it, and the workflow decides what follows.
    private static async Task<IResult> SignalAsync(string id, string signal, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await FindOwnAsync(id, user, grains) is null)
        {
            return NotFound(id);
        }

        if (!SignalName().IsMatch(signal))
        {
            return ApiProblems.Invalid(new() { ["signal"] = ["A signal's name as the workflow spells it: a lower-case letter, then letters, digits and '-' (at most 64), e.g. withdraw."] });
        }

        try
        {
            return TypedResults.Ok(await ConcurrentWrite.RetryAsync(() => grains.GetGrain<IAssistanceRequestGrain>(id).SignalAsync(user.ToActor(), signal)));
        }
        catch (RequestConflictException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    private static async Task<IResult> MessagesAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!RequestId.TryParse(id, null, out var requestId) || requestId.Authority != user.ToActor().Authority)
        {
            return NotFound(id);
        }

        try
        {
            return TypedResults.Ok(await grains.GetGrain<IAssistanceRequestGrain>(requestId.Value).MessagesAsync());
        }
        catch (RequestNotFoundException)
        {
            return NotFound(id);
        }
    }

    /// <summary>The request if it exists and belongs to the caller's authority; a malformed id finds nothing.</summary>
    internal static async Task<AssistanceRequest?> FindOwnAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!RequestId.TryParse(id, null, out var requestId) || requestId.Authority != user.ToActor().Authority)
        {
            return null;
        }

        return await grains.GetGrain<IAssistanceRequestGrain>(requestId.Value).GetAsync();
    }

    internal static IResult NotFound(string id) => ApiProblems.NotFound($"You have no request '{(id.Length > 64 ? id[..64] + "…" : id)}'.");

    // As definitions may name a signal (docs/workflows.md): checked here so a malformed name is a 400, not a search.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z][a-zA-Z0-9-]{0,63}\z")]
    private static partial System.Text.RegularExpressions.Regex SignalName();
}
