using Microsoft.Extensions.Logging;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using Orleans;

namespace MlaFlow.Grains.Exchange;

/// <summary>
/// Sends requests' messages outside the requests' turns: to the counterpart's copy when this node serves the recipient
/// too, else sealed and posted to the recipient's node, files and all — which can take minutes for a large file, while
/// the request must stay readable and workable. Outside the turn also because two requests delivering to each other at
/// once would otherwise each wait for the other's turn (Orleans has no deadlock detection). The outcome reaches the
/// request as a call of its own (<see cref="IAssistanceRequestGrain.RecordDeliveryAsync"/>). Nothing here is durable,
/// and needs not be: the message stays pending in the request's state until then, and the outbox starts it again after
/// a failure or a restart.
/// </summary>
public sealed class OutboxSender(ServedAuthorities served, IRemoteExchange remote, IGrainFactory grains, ILogger<OutboxSender> logger) : IDisposable
{
    private readonly HashSet<string> _sending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Whether a message to <paramref name="recipient"/> can go now: it is served here, or its node is known with keys to write to it.</summary>
    public bool Reaches(AuthorityId recipient) => served.Serves(recipient) || remote.Reaches(recipient);

    /// <summary>Starts sending <paramref name="message"/>, unless it is on its way already; returns at once.</summary>
    public void Start(RemoteMessage message)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested || !_sending.Add(message.MessageId))
            {
                return;
            }
        }

        // Task.Run leaves the calling grain's scheduler: what follows runs outside its turn.
        _ = Task.Run(() => SendAsync(message));
    }

    /// <summary>Stops the sends under way; their messages stay pending and are sent again after the node starts.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task SendAsync(RemoteMessage message)
    {
        try
        {
            var request = grains.GetGrain<IAssistanceRequestGrain>(message.RequestId);
            var receipt = served.Serves(message.Recipient)
                ? await DeliverHereAsync(message)
                : await remote.SendAsync(message, acceptance => request.RecordRemoteAcceptanceAsync(message.MessageId, acceptance), _stopping.Token);
            await request.RecordDeliveryAsync(message.MessageId, receipt);
        }
        catch (ExchangeUnavailableException e)
        {
            // Still pending: the outbox tries again; the request keeps why, and says so at intervals.
            await RecordFailureAsync(message, e.Message);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sending message {MessageId} of {RequestId} failed; the outbox tries again", message.MessageId, message.RequestId);
            await RecordFailureAsync(message, "This node failed to send it (its log says why).");
        }
        finally
        {
            lock (_gate)
            {
                _sending.Remove(message.MessageId);
            }
        }
    }

    private async Task RecordFailureAsync(RemoteMessage message, string reason)
    {
        try
        {
            await grains.GetGrain<IAssistanceRequestGrain>(message.RequestId).RecordDeliveryFailureAsync(message.MessageId, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The node is stopping, or the store is down: the next attempt records it.
            logger.LogDebug(e, "The failure of message {MessageId} was not recorded", message.MessageId);
        }
    }

    // One node, one file store: the counterpart's copy refers to the very files already stored.
    private async Task<RemoteReceipt> DeliverHereAsync(RemoteMessage message)
    {
        string copy;
        if (message.Payload.Request is { } origin)
        {
            copy = await grains.GetGrain<IAuthorityGrain>(message.Recipient.Value).ReceiveRequestAsync(new IncomingRequest(message.MessageId, origin, message.Files));
        }
        else
        {
            copy = message.Payload.To!;
            await grains.GetGrain<IAssistanceRequestGrain>(copy).ReceiveMessageAsync(new IncomingMessage(message.MessageId, message.Type, message.RequestId, message.Files));
        }

        return new RemoteReceipt(Accepted: true, RecipientRequestId: copy, Refusal: null, Evidence: null);
    }
}
