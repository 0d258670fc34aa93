using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.Reminders;

public sealed class PostgresReminderTableTests() : ReminderTableContract(StorageKind.Postgres);
