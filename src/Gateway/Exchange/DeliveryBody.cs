namespace MlaFlow.Gateway.Exchange;

/// <summary>The body of <c>POST /exchange/v1/deliveries</c>: which accepted message to deliver.</summary>
/// <param name="Sender">The authority that sent it.</param>
/// <param name="MessageId">The envelope's message id.</param>
public sealed record DeliveryBody(string? Sender, string? MessageId);
