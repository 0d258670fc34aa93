using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Exchange;

/// <summary>One outbox message of a request, for an authority on another node.</summary>
/// <param name="Sender">The authority whose request sends it.</param>
/// <param name="Recipient">The counterpart authority.</param>
/// <param name="MessageId">The outbox message's id: the recipient takes each once.</param>
/// <param name="RequestId">The sender's request.</param>
/// <param name="Type">What the message is.</param>
/// <param name="Payload">What is sealed: the request itself, or the recipient's copy a later message is for.</param>
/// <param name="Files">The request's files the message carries, stored in this node's file store; their keys go inside the envelope, their bytes follow it.</param>
public sealed record RemoteMessage(
    AuthorityId Sender, AuthorityId Recipient, string MessageId, string RequestId, MessageType Type, ExchangePayload Payload, IReadOnlyList<EvidenceFile> Files);
