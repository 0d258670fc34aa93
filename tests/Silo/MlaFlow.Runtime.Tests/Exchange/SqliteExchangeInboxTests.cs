using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Exchange;

public sealed class SqliteExchangeInboxTests() : ExchangeInboxContract(StorageKind.Sqlite);
