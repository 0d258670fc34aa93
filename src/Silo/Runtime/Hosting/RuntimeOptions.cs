namespace MlaFlow.Runtime.Hosting;

/// <summary>Configuration section <c>MlaFlow:Runtime</c>.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "MlaFlow:Runtime";

    /// <summary>Names this node in reminder leases. Must differ between nodes sharing a database.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>An activation unused this long is deactivated; its next call reloads its state.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the reminder table is polled for due reminders.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed reminder stays with this node; after that another node may deliver it.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a reminder whose delivery failed waits before it is tried again.</summary>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
