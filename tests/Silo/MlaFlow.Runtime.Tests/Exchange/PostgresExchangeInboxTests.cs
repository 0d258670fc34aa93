using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Exchange;

public sealed class PostgresExchangeInboxTests() : ExchangeInboxContract(StorageKind.Postgres);
