using MlaFlow.Grains.Requests;

namespace MlaFlow.Grains.Exchange;

/// <summary>
/// What an envelope between two nodes carries, sealed: the request itself in the first message (<c>request</c>),
/// then, in every later one, which of the recipient's copies it is for (the recipient named it in its receipt).
/// </summary>
/// <param name="Request">The request as sent, without what is the sender's own business (its workflow, outbox, timeline).</param>
/// <param name="To">The recipient's copy of the request.</param>
/// <param name="Files">The files the message carries, announced with their keys; their encrypted bytes follow as segment uploads.</param>
public sealed record ExchangePayload(AssistanceRequest? Request, string? To, IReadOnlyList<ExchangeFile>? Files = null)
{
    /// <summary>The payload that opens the recipient's copy.</summary>
    public static ExchangePayload ForRequest(AssistanceRequest request) =>
        new(request with { Workflow = null, Outbox = null, Timeline = [], ReceivedMessages = null, IdempotencyKey = null, Files = null }, null);

    /// <summary>The payload of a later message, for the recipient's copy <paramref name="copy"/>.</summary>
    public static ExchangePayload ForCopy(string copy) => new(null, copy);
}
