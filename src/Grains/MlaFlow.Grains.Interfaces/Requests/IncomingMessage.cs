using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A message from the counterpart authority about a request: its id (for exactly-once delivery), type, the sender's
/// request id, and the files it brought (already whole and verified in this node's file store).
/// </summary>
public sealed record IncomingMessage(string MessageId, MessageType Type, string FromRequestId, IReadOnlyList<EvidenceFile>? Files = null);
