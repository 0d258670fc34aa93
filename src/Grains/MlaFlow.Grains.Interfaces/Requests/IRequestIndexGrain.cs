using MlaFlow.Plugins.Sdk;
using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// One authority's requests as its store lists them, keyed by its <see cref="AuthorityId"/>: pages of requests, the tasks
/// open for a role, a received copy found by the message that opened it. Reads the database's queryable columns, not the
/// requests' activations, so a list costs one query however many requests it spans; a list may lag a change made a
/// moment before on another node by that moment.
/// </summary>
public interface IRequestIndexGrain : IGrainWithStringKey
{
    /// <summary>One page (1-based) of the authority's requests, newest first, narrowed by status and kind when given.</summary>
    Task<RequestList> ListAsync(RequestStatus? status, RequestKind? kind, int page, int pageSize);

    /// <summary>
    /// The open tasks of the authority's running requests that someone in <paramref name="role"/> acts on (officers also
    /// record the executing authority's tasks and see failed steps), earliest deadline first.
    /// </summary>
    Task<IReadOnlyList<OpenTask>> TasksAsync(string role);

    /// <summary>The authority's copy of a request that message <paramref name="messageId"/> opened, if any.</summary>
    Task<string?> FindReceivedAsync(string messageId);
}
