using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>One <c>exchange_inbox</c> row: who sent which message, and the envelope exactly as it arrived.</summary>
public sealed record StoredEnvelope(string Sender, string MessageId, string MessageType, byte[] Envelope);
