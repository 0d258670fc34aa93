using MlaFlow.Grains.Requests;
using MlaFlow.Runtime.Grains;
using Microsoft.Extensions.Logging;

namespace MlaFlow.Grains.Exchange;

/// <summary>
/// Sends requests' messages to other nodes outside the requests' turns: sealing, posting, uploading files and asking for
/// delivery can take minutes for a large file, and the request must stay readable and workable meanwhile. The outcome
/// reaches the request as a call of its own (<see cref="IAssistanceRequestGrain.RecordRemoteDeliveryAsync"/>). Nothing
/// here is durable, and needs not be: the message stays pending in the request's state until then, and the outbox's
/// reminder starts it again after a failure or a restart.
/// </summary>
public sealed class OutboxSender(IRemoteExchange remote, IGrainFactory grains, ILogger<OutboxSender> logger) : IDisposable
{
    private readonly HashSet<string> _sending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts sending <paramref name="message"/> of request <paramref name="requestId"/>, unless it is on its way already; returns at once.</summary>
    public void Start(string requestId, RemoteMessage message)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested || !_sending.Add(message.MessageId))
            {
                return;
            }
        }

        _ = Task.Run(() => SendAsync(requestId, message));
    }

    /// <summary>Stops the sends under way; their messages stay pending and are sent again after the node starts.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task SendAsync(string requestId, RemoteMessage message)
    {
        try
        {
            var request = grains.GetGrain<IAssistanceRequestGrain>(requestId);
            var receipt = await remote.SendAsync(message, acceptance => request.RecordRemoteAcceptanceAsync(message.MessageId, acceptance), _stopping.Token);
            await request.RecordRemoteDeliveryAsync(message.MessageId, receipt);
        }
        catch (ExchangeUnavailableException)
        {
            // Still pending: the outbox's reminder tries again (the exchange logged why).
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sending message {MessageId} of {RequestId} failed; the outbox tries again", message.MessageId, requestId);
        }
        finally
        {
            lock (_gate)
            {
                _sending.Remove(message.MessageId);
            }
        }
    }
}
