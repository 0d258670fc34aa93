namespace MlaFlow.Grains.Exchange;

/// <summary>The recipient's answer to one message, its signatures checked.</summary>
/// <param name="Accepted">Delivered; also true when the recipient had taken the same message before (a retry after a lost receipt).</param>
/// <param name="RecipientRequestId">The recipient's copy of the request, when the recipient named it.</param>
/// <param name="Refusal">For a refused message: the reason and what was wrong, as the recipient put it.</param>
/// <param name="Evidence">
/// The signed answer that decided: a rejection of the envelope, or of its delivery; for a delivered message, the
/// acceptance when this attempt got one (null when the envelope had been accepted by an earlier attempt).
/// </param>
/// <param name="DeliveryEvidence">For a delivered message: the recipient's signed delivery evidence as received, kept with the request.</param>
public sealed record RemoteReceipt(bool Accepted, string? RecipientRequestId, string? Refusal, string? Evidence, string? DeliveryEvidence = null);
