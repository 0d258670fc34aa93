using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.Exchange;

public sealed class SqliteExchangeInboxTests() : ExchangeInboxContract(StorageKind.Sqlite);
