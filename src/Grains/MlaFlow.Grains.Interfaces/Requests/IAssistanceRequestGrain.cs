using MlaFlow.Runtime.Grains;

namespace MlaFlow.Grains.Requests;

/// <summary>One request for assistance, keyed by its <see cref="RequestId"/>.</summary>
public interface IAssistanceRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the request. Calling it again with the same content returns the stored request; with
    /// other content it throws <see cref="RequestAlreadyExistsException"/>.
    /// </summary>
    Task<AssistanceRequest> CreateAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey);

    /// <summary>The request, or null when no request has this id.</summary>
    Task<AssistanceRequest?> GetAsync();

    /// <summary>Adds a note to the request's timeline.</summary>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    Task<AssistanceRequest> AddNoteAsync(Actor actor, string text);
}
