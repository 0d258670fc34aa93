using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.Reminders;

public sealed class SqliteReminderTableTests() : ReminderTableContract(StorageKind.Sqlite);
