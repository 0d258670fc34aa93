using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.Hosting;
using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Runtime.Reminders;

/// <summary>
/// Polls the reminder table and delivers due reminders to their grains. Polling the database, rather
/// than arming an in-memory timer per reminder, is what lets due times lie months ahead and survive
/// restarts, and lets any node of a deployment pick up a reminder.
/// </summary>
public sealed class ReminderService(
    ReminderTable table, GrainRuntime runtime, IClock clock, IOptions<RuntimeOptions> options, ILogger<ReminderService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>Delivers every reminder due now, batch after batch, and returns how many were delivered.</summary>
    public async Task<int> RunDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var delivered = 0;
        while (true)
        {
            var now = clock.GetCurrentInstant();
            var due = await table.ClaimDueAsync(settings.NodeId, now, now + Duration.FromTimeSpan(settings.ReminderLease), BatchSize, cancellationToken);
            foreach (var reminder in due)
            {
                delivered += await DeliverAsync(reminder, settings, cancellationToken) ? 1 : 0;
            }

            if (due.Count < BatchSize)
            {
                return delivered;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first poll waits one interval too, so a node that is still starting is not handed work.
        using var timer = new PeriodicTimer(options.Value.ReminderPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunDueRemindersAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reminder polling failed; retrying at the next poll");
            }
        }
    }

    private async Task<bool> DeliverAsync(DueReminder reminder, RuntimeOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            // This node's activation may hold state another node has written since: retry on fresh state.
            await ConcurrentWrite.RetryAsync(async () =>
            {
                await runtime.InvokeAsync(reminder.Grain, grain => grain is IRemindable remindable
                    ? remindable.ReceiveReminderAsync(reminder.Name, new ReminderTick(reminder.DueTime, reminder.Period))
                    : throw new InvalidOperationException($"{reminder.Grain} has reminders but does not implement IRemindable."), cancellationToken);
                return true;
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reminder {Name} of {Grain} due {Due} failed; it will be retried", reminder.Name, reminder.Grain, reminder.DueTime);
            await table.ReleaseAsync(settings.NodeId, reminder, clock.GetCurrentInstant() + Duration.FromTimeSpan(settings.ReminderRetryDelay), cancellationToken);
            return false;
        }

        if (!await table.CompleteAsync(settings.NodeId, reminder, clock.GetCurrentInstant(), cancellationToken))
        {
            // Normal when the grain re-registered or removed the reminder while handling it.
            logger.LogDebug("Reminder {Name} of {Grain} was replaced, removed or its lease lost while it was delivered", reminder.Name, reminder.Grain);
        }

        return true;
    }
}
