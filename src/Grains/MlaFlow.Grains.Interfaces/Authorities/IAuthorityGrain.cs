using MlaFlow.Grains.Requests;
using Orleans;

namespace MlaFlow.Grains.Authorities;

/// <summary>One central authority, keyed by its <see cref="MlaFlow.Plugins.Sdk.AuthorityId"/>: numbers and opens its requests.</summary>
public interface IAuthorityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens a new request under the next number of the year. With an <paramref name="idempotencyKey"/>
    /// already used for the same content, returns that request instead (<see cref="CreatedRequest.Created"/> false).
    /// </summary>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for different content.</exception>
    /// <exception cref="RequestRejectedException">The request breaks the requested state's rules.</exception>
    Task<CreatedRequest> CreateRequestAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey);

    /// <summary>
    /// What the requested state's rules refuse in <paramref name="draft"/>, as <see cref="RequestRejectedException"/>
    /// would list it; opens nothing. For a submission refused for its fields, so that the answer also says what those
    /// rules make of what could be read.
    /// </summary>
    Task<IReadOnlyDictionary<string, string[]>> CheckRequestAsync(NewAssistanceRequest draft);

    /// <summary>
    /// A request from another authority has arrived: opens this authority's copy under its own next number
    /// and returns its id. The same message again returns the same id.
    /// </summary>
    Task<string> ReceiveRequestAsync(IncomingRequest incoming);
}
