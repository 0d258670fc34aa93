namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request arriving at the requested authority: the message that carries it, the request as the requesting side sent
/// it, and the files the message brought (already whole and verified in this node's file store).
/// </summary>
public sealed record IncomingRequest(string MessageId, AssistanceRequest Origin, IReadOnlyList<EvidenceFile>? Files = null);
