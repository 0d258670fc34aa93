using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Reminders;

public sealed class PostgresReminderTests() : ReminderContract(StorageKind.Postgres);
