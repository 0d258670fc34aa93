using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Reminders;

public sealed class SqliteReminderTests() : ReminderContract(StorageKind.Sqlite);
