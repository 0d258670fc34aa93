using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Exchange;

/// <summary>An opened envelope checked to fit one of the recipient's requests, ready to deliver.</summary>
/// <param name="Header">The envelope's header.</param>
/// <param name="Type">The message type.</param>
/// <param name="Payload">The opened payload.</param>
/// <param name="Origin">For a <c>request</c> message: the request it opens a copy of.</param>
/// <param name="Copy">For any other message: the recipient's copy it goes to.</param>
internal sealed record DeliveryTarget(EnvelopeHeader Header, MessageType Type, ExchangePayload Payload, AssistanceRequest? Origin, string? Copy)
{
    /// <summary>The files the message announces.</summary>
    public IReadOnlyList<ExchangeFile> Files => Payload.Files ?? [];

    /// <summary>Zeroes the file keys the payload carried, once they are sealed into the file store or no longer needed.</summary>
    public void ForgetKeys()
    {
        foreach (var file in Files)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(file.Key);
        }
    }
}
