using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlaFlow.Gateway.Apis.Tasks;
using MlaFlow.Gateway.Problems;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains;
using MlaFlow.Grains.Requests;
using Orleans;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>/api/v1/tasks</c>: the steps of the authority's requests that wait for a person, and completing
/// them (only by the role a task is given to: 403 otherwise). A task id is <c>&lt;request id&gt;.&lt;step token&gt;</c>; another authority's task is 404.
/// </summary>
public static class TasksApi
{
    private const int MaxFormBytes = 64 * 1024;

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization(Policies.CaseWork);
        group.MapGet("/", ListAsync).WithName("ListTasks");
        group.MapPost("/{id}/complete", CompleteAsync).WithName("CompleteTask").Accepts<CompleteTaskBody>("application/json");
        group.MapPost("/{id}/retry", RetryAsync).WithName("RetryStep");
        group.MapPost("/{id}/route", RouteAsync).WithName("RouteStep").Accepts<RouteStepBody>("application/json");
        return group;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var actor = user.ToActor();
        return TypedResults.Ok(await grains.GetGrain<IRequestIndexGrain>(actor.Authority.Value).TasksAsync(actor.Role));
    }

    private static async Task<IResult> CompleteAsync(string id, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<CompleteTaskBody>(http, MaxFormBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Outcome))
        {
            return ApiProblems.Invalid(new() { ["outcome"] = ["Required: one of the task's outcomes."] });
        }

        return await OnTaskAsync(id, user, grains, (grain, actor, token) => grain.CompleteTaskAsync(actor, token, body.Outcome, body.Form ?? []));
    }

    private static Task<IResult> RetryAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        OnTaskAsync(id, user, grains, (grain, actor, token) => grain.RetryStepAsync(actor, token));

    private static async Task<IResult> RouteAsync(string id, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<RouteStepBody>(http, 1024);
        if (problem is not null)
        {
            return problem;
        }

        return string.IsNullOrWhiteSpace(body!.Outcome)
            ? ApiProblems.Invalid(new() { ["outcome"] = ["Required: the outcome the step leaves through."] })
            : await OnTaskAsync(id, user, grains, (grain, actor, token) => grain.RouteStepAsync(actor, token, body.Outcome));
    }

    private static async Task<IResult> OnTaskAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, Func<IAssistanceRequestGrain, Actor, int, Task<AssistanceRequest>> operation)
    {
        var actor = user.ToActor();
        if (!OpenTask.TryParseId(id, out var requestId, out var token) || !RequestId.TryParse(requestId, null, out var request) || request.Authority != actor.Authority)
        {
            return ApiProblems.NotFound($"You have no task '{(id.Length > 64 ? id[..64] + "…" : id)}'.");
        }

        try
        {
            return TypedResults.Ok(await ConcurrentWrite.RetryAsync(() => operation(grains.GetGrain<IAssistanceRequestGrain>(request.Value), actor, token)));
        }
        catch (Exception e) when (e is RequestNotFoundException or TaskNotFoundException)
        {
            return ApiProblems.NotFound($"You have no task '{id}'.");
        }
        catch (TaskNotForRoleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task", detail: e.Message);
        }
        catch (FormRejectedException e)
        {
            return ApiProblems.Invalid(e.Errors.ToDictionary(f => $"form.{f.Key}", f => new[] { f.Value }));
        }
        catch (RequestConflictException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }
}
