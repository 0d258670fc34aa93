using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A message of the counterpart this copy of the request took, once: kept so a second delivery of it changes nothing,
/// and so the case workers read what came. Messages taken before <c>assistance-request</c> version 3 are kept by
/// <paramref name="Id"/> alone.
/// </summary>
/// <param name="Id">The sender's message id (<c>&lt;request id&gt;/m&lt;n&gt;</c>).</param>
/// <param name="Type">What the message was.</param>
/// <param name="FromRequestId">The sender's copy of the request.</param>
/// <param name="ReceivedAt">When this copy took it.</param>
/// <param name="Files">The files it brought (<see cref="EvidenceFile.Id"/>).</param>
public sealed record ReceivedMessage(string Id, MessageType? Type = null, string? FromRequestId = null, Instant? ReceivedAt = null, IReadOnlyList<string>? Files = null);
