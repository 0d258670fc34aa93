namespace MlaFlow.Messaging.Envelopes;

/// <summary>An envelope that passed every check: its header and its payload.</summary>
public sealed record OpenedEnvelope(EnvelopeHeader Header, byte[] Payload);
