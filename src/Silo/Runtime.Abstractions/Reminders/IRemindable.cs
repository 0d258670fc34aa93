namespace MlaFlow.Runtime.Reminders;

/// <summary>Implemented by grains that register reminders.</summary>
public interface IRemindable
{
    Task ReceiveReminderAsync(string name, ReminderTick tick);
}
