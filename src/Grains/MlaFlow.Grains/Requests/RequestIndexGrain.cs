using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using Orleans;
using Orleans.Concurrency;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// An authority's lists, read from the store's queryable columns. Stateless and local to the calling silo, so lists
/// scale with the silos and never queue behind a request's own calls.
/// </summary>
[StatelessWorker]
[GrainType("request-index")]
public sealed class RequestIndexGrain(IGrainStateQuery query, PluginCatalog plugins) : Grain, IRequestIndexGrain
{
    /// <summary>How many running requests a task list reads at most; the oldest beyond it are not listed.</summary>
    private const int MaxRequestsScanned = 500;

    private string Authority => this.GetPrimaryKeyString();

    public async Task<RequestList> ListAsync(RequestStatus? status, RequestKind? kind, int page, int pageSize)
    {
        var found = await query.QueryAsync<RequestRecord>(GrainTypes.Request, new StateFilter(Authority, status?.ToString(), kind?.ToString()), page, pageSize);
        return new RequestList([.. found.Items.Select(r => RequestSummary.Of(r.Request))], found.Page, found.PageSize, found.Total);
    }

    public async Task<IReadOnlyList<OpenTask>> TasksAsync(string role)
    {
        var running = await query.QueryAsync<RequestRecord>(GrainTypes.Request,
            new StateFilter(Authority, nameof(RequestStatus.InProgress)), 1, MaxRequestsScanned);
        return [.. running.Items
            .Select(r => (Record: r, Definition: r.Workflow is { } w ? plugins.For(w.Definition.Country)?.Version(w.Definition.Side, w.Definition.Kind, w.Definition.Version) : null))
            .Where(r => r.Definition is not null)
            .SelectMany(r => OpenTasks.Of(r.Record, r.Definition!))
            .Where(t => RequestWorkflow.MayComplete(role, t.Role))
            .OrderBy(t => t.DueAt ?? NodaTime.Instant.MaxValue).ThenBy(t => t.Since)];
    }

    public Task<string?> FindReceivedAsync(string messageId) =>
        query.FindByExternalKeyAsync(GrainTypes.Request, Authority, messageId);
}
