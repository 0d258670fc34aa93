using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>One request for assistance: its document, status and timeline, each change audited.</summary>
public sealed class AssistanceRequestGrain(IGrainContext context, IClock clock) : Grain(context), IAssistanceRequestGrain
{
    private readonly IPersistentState<AssistanceRequest> _state = context.GetState<AssistanceRequest>();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadStateAsync(cancellationToken);

    public async Task<AssistanceRequest> CreateAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey)
    {
        var content = RequestContent.Sha256(draft);
        if (_state.State is { } existing)
        {
            return existing.ContentSha256 == content ? existing : throw new RequestAlreadyExistsException(Id.Key);
        }

        var id = RequestId.Parse(Id.Key);
        if (actor.Authority != id.Authority)
        {
            throw new ArgumentException($"{actor} cannot create a request of {id.Authority}.", nameof(actor));
        }

        var now = clock.GetCurrentInstant();
        var request = new AssistanceRequest(
            id, draft.Kind, new Party(id.Authority.Country, id.Authority), draft.Requested, draft.LegalBasis, draft.Language, draft.Urgency,
            draft.UrgencyReason, draft.SummaryOfFacts, draft.Offences, draft.Persons, draft.Measures, draft.Attachments,
            RequestStatus.Draft, [new TimelineEvent(now, actor.ToString(), "created")], now, idempotencyKey, content);
        await _state.WriteStateAsync(request, Audit(actor, "request.created"));
        return request;
    }

    public Task<AssistanceRequest?> GetAsync() => Task.FromResult(_state.State);

    public async Task<AssistanceRequest> AddNoteAsync(Actor actor, string text)
    {
        var request = _state.State ?? throw new RequestNotFoundException(Id.Key);
        if (string.IsNullOrWhiteSpace(text) || text.Length > RequestLimits.MaxNoteLength)
        {
            throw new ArgumentException($"A note has 1 to {RequestLimits.MaxNoteLength} characters.", nameof(text));
        }

        var noted = request with { Timeline = [.. request.Timeline, new TimelineEvent(clock.GetCurrentInstant(), actor.ToString(), $"note: {text}")] };
        await _state.WriteStateAsync(noted, Audit(actor, "request.note-added"));
        return noted;
    }

    private AuditEntry Audit(Actor actor, string action) => new(RequestId.Parse(Id.Key).Authority.Value, actor.ToString(), action, Id.Key);
}
