using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// What a request's activation knows of its outbox's attempts beyond the stored state: which message is on its way now,
/// and the failed attempts since a failure was last recorded. A failure is recorded (stored, audited, logged) at the
/// first attempt that fails, when the reason changes, and then at most every <see cref="RecordEvery"/>; the attempts in
/// between are counted here, so a peer that is down for a day costs a day's worth of hourly records, not one per retry.
/// </summary>
internal sealed class DeliveryAttempts(Duration retry)
{
    /// <summary>How often a failure that goes on unchanged is recorded again.</summary>
    public static readonly Duration RecordEvery = Duration.FromHours(1);

    private readonly HashSet<string> _sending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Attempts, Instant At)> _failed = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="messageId"/> as on its way, until its outcome comes.</summary>
    public void Sending(string messageId) => _sending.Add(messageId);

    /// <summary>Its outcome came: delivered or refused.</summary>
    public void Answered(string messageId)
    {
        _sending.Remove(messageId);
        _failed.Remove(messageId);
    }

    /// <summary>
    /// Counts a failed attempt at <paramref name="message"/>; returns the message as it should now be stored, or null
    /// when the failure needs no record (the same reason, recorded less than <see cref="RecordEvery"/> ago).
    /// </summary>
    public OutgoingMessage? Failed(OutgoingMessage message, string reason, Instant now)
    {
        _sending.Remove(message.Id);
        var attempts = Math.Max(_failed.GetValueOrDefault(message.Id).Attempts, message.Attempts) + 1;
        _failed[message.Id] = (attempts, now);
        var worthRecording = message.LastError != reason || message.LastAttemptAt is not { } recorded || now - recorded >= RecordEvery;
        return worthRecording ? message with { Attempts = attempts, LastAttemptAt = now, LastError = reason } : null;
    }

    /// <summary>Where <paramref name="message"/>'s delivery stands, as this activation knows it.</summary>
    public MessageDelivery Of(OutgoingMessage message)
    {
        var (attempts, lastAttempt) = _failed.TryGetValue(message.Id, out var failed) && failed.Attempts >= message.Attempts
            ? (failed.Attempts, (Instant?)failed.At)
            : (message.Attempts, message.LastAttemptAt);
        var state = message.IsPending && _sending.Contains(message.Id) ? DeliveryState.Sending : message.StoredState;
        return new MessageDelivery(
            state, attempts, message.IsPending ? message.LastError : null, lastAttempt,
            message.IsPending && lastAttempt is { } at ? at + retry : null,
            message.AcceptedAt, message.DeliveredAt, message.RefusedAt, message.Refusal);
    }
}
