using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.Exchange;

public sealed class PostgresExchangeInboxTests() : ExchangeInboxContract(StorageKind.Postgres);
