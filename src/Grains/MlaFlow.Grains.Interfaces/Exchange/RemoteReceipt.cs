namespace MlaFlow.Grains.Exchange;

/// <summary>The recipient's answer to one message, its signatures checked.</summary>
/// <param name="Accepted">Delivered; also true when the recipient had taken the same message before (a retry after a lost receipt).</param>
/// <param name="RecipientRequestId">The recipient's copy of the request, when the recipient named it.</param>
/// <param name="Refusal">For a refused message: the reason and what was wrong, as the recipient put it.</param>
/// <param name="Evidence">The signed receipt as received (acceptance or rejection of the envelope), kept with the request.</param>
/// <param name="DeliveryEvidence">For a delivered message: the recipient's signed delivery evidence as received, kept with the request.</param>
public sealed record RemoteReceipt(bool Accepted, string? RecipientRequestId, string? Refusal, string Evidence, string? DeliveryEvidence = null);
