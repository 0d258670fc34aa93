using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Grains.Requests;

/// <summary>A message from the counterpart authority about a request: its id (for exactly-once delivery), type and the sender's request id.</summary>
public sealed record IncomingMessage(string MessageId, MessageType Type, string FromRequestId);
