using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using NodaTime;
using Orleans;

namespace MlaFlow.Grains.Authorities;

/// <summary>
/// Numbers an authority's requests, per year of the authority's own calendar. A number is written (with its audit
/// record) before the request is created; if the node dies in between, that number stays unused — a visible, audited
/// gap, never a duplicate. A client retrying with its Idempotency-Key then gets a request under a new number.
/// </summary>
[GrainType(GrainTypes.Authority)]
public sealed class AuthorityGrain(
    [PersistentState("authority", StorageNames.MlaFlow)] IPersistentState<Audited<AuthorityState>> state,
    IClock clock, IGrainStateQuery query, PluginCatalog plugins)
    : Grain, IAuthorityGrain
{
    private AuthorityId Authority => AuthorityId.Parse(this.GetPrimaryKeyString());

    private Actor ExchangeActor => new(Authority, "system", "exchange");

    public async Task<CreatedRequest> CreateRequestAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey)
    {
        if (actor.Authority != Authority)
        {
            throw new ArgumentException($"{actor} cannot open requests for {Authority}.", nameof(actor));
        }

        if (idempotencyKey is not null && await FindAsync(idempotencyKey) is { } existing)
        {
            return existing.ContentSha256 == RequestContent.Sha256(draft)
                ? new CreatedRequest(existing, Created: false)
                : throw new IdempotencyKeyReusedException(idempotencyKey, existing.Id.Value);
        }

        var problems = RequestAdmission.Check(draft, Authority.Country, plugins, clock.GetCurrentInstant());
        if (problems.Count > 0)
        {
            throw new RequestRejectedException(problems);
        }

        var id = await AllocateNumberAsync(actor);
        var request = await GrainFactory.GetGrain<IAssistanceRequestGrain>(id.Value).CreateAsync(draft, actor, idempotencyKey);
        return new CreatedRequest(request, Created: true);
    }

    public async Task<string> ReceiveRequestAsync(IncomingRequest incoming)
    {
        // The message id is the received copy's external key: a message delivered twice finds its copy.
        if (await query.FindByExternalKeyAsync(GrainTypes.Request, Authority.Value, incoming.MessageId) is { } existing)
        {
            return existing;
        }

        var id = await AllocateNumberAsync(ExchangeActor);
        await GrainFactory.GetGrain<IAssistanceRequestGrain>(id.Value).OpenReceivedAsync(incoming);
        return id.Value;
    }

    private async Task<AssistanceRequest?> FindAsync(string idempotencyKey)
    {
        var id = await query.FindByExternalKeyAsync(GrainTypes.Request, Authority.Value, idempotencyKey);
        return id is null ? null : await GrainFactory.GetGrain<IAssistanceRequestGrain>(id).GetAsync();
    }

    private async Task<RequestId> AllocateNumberAsync(Actor actor)
    {
        var year = YearNow();
        var current = state.State.Value is { } counter && counter.Year == year ? counter.LastNumber : 0;
        if (current >= RequestId.MaxNumber)
        {
            throw new InvalidOperationException($"{Authority} has used all {RequestId.MaxNumber} request numbers of {year}.");
        }

        var id = RequestId.Create(Authority, year, current + 1);
        await state.WriteAsync(
            new AuthorityState(Authority.Value, year, current + 1),
            new AuditEntry(Authority.Value, actor.ToString(), "request.number-allocated", id.Value));
        return id;
    }

    // A request opened on the 1st of January in Beijing is of the new year there, whatever the year in UTC. An authority
    // of a state this node has no plugin for counts in UTC (it cannot open requests anyway: admission needs the plugin).
    private int YearNow()
    {
        var zone = plugins.For(Authority.Country)?.Manifest.Calendar.Zone ?? DateTimeZone.Utc;
        return clock.GetCurrentInstant().InZone(zone).Year;
    }
}
