using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlaFlow.Gateway.Apis.Migrations;
using MlaFlow.Gateway.Apis.Requests;
using MlaFlow.Gateway.Problems;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains;
using MlaFlow.Grains.Requests;
using Orleans;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// Moving running requests of the caller's authority to another version of their procedure: one request, or all that
/// run a procedure version (a dry run unless told otherwise). Operators' work: the <c>admin</c> role only, with a reason;
/// answers name requests and steps, never case contents. The rules a move must keep: docs/workflows.md, "Migrating
/// running requests".
/// </summary>
public static class MigrationsApi
{
    private const int MaxBodyBytes = 32 * 1024;
    private const int PageSize = 100;

    public static void MapMigrationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/requests/{id}/workflow/migrate", MigrateOneAsync).WithName("MigrateRequestWorkflow").WithTags("Migrations")
            .RequireAuthorization(Policies.Operations).Accepts<MigrateWorkflowBody>("application/json").Produces<MigrationResult>();
        routes.MapPost("/api/v1/workflows/migrations", MigrateAllAsync).WithName("MigrateWorkflows").WithTags("Migrations")
            .RequireAuthorization(Policies.Operations).Accepts<BulkMigrationBody>("application/json").Produces<BulkMigrationResult>();
    }

    private static async Task<IResult> MigrateOneAsync(string id, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        var actor = user.ToActor();
        if (!RequestId.TryParse(id, null, out var requestId) || requestId.Authority != actor.Authority)
        {
            return RequestsApi.NotFound(id);
        }

        var (body, problem) = await JsonBody.ReadAsync<MigrateWorkflowBody>(http, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (new MigrationReader(errors).Migration(body!.Version, body.Steps, body.Reason) is not { } migration)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        try
        {
            var moved = await ConcurrentWrite.RetryAsync(() =>
                grains.GetGrain<IAssistanceRequestGrain>(requestId.Value).MigrateWorkflowAsync(actor, migration, expected: null, dryRun: false));
            return TypedResults.Ok(moved);
        }
        catch (RequestNotFoundException)
        {
            return RequestsApi.NotFound(id);
        }
        catch (RequestConflictException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    private static async Task<IResult> MigrateAllAsync(HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<BulkMigrationBody>(http, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var reader = new MigrationReader(errors);
        var procedure = reader.Procedure(body!.Procedure);
        var migration = reader.Migration(body.Version, body.Steps, body.Reason);
        if (procedure is null || migration is null)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        var actor = user.ToActor();
        var dryRun = body.DryRun ?? true;
        var moved = new List<MigrationResult>();
        var refused = new List<RefusedMigration>();
        var index = grains.GetGrain<IRequestIndexGrain>(actor.Authority.Value);
        for (var page = 1; ; page++)
        {
            var list = await index.ListAsync(RequestStatus.InProgress, procedure.Kind, page, PageSize);
            foreach (var summary in list.Items)
            {
                try
                {
                    if (await ConcurrentWrite.RetryAsync(() => grains.GetGrain<IAssistanceRequestGrain>(summary.Id).MigrateWorkflowAsync(actor, migration, procedure, dryRun)) is { } result)
                    {
                        moved.Add(result);
                    }
                }
                catch (RequestConflictException e)
                {
                    refused.Add(new RefusedMigration(summary.Id, e.Message));
                }
            }

            if ((long)page * PageSize >= list.Total)
            {
                break;
            }
        }

        return TypedResults.Ok(new BulkMigrationResult(procedure, migration.Version, dryRun, moved, refused));
    }
}
