namespace MlaFlow.Grains.Requests;

/// <summary>A request arriving at the requested authority: the message that carries it, and the request as the requesting side sent it.</summary>
public sealed record IncomingRequest(string MessageId, AssistanceRequest Origin);
