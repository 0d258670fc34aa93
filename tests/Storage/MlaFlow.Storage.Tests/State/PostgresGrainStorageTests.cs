using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.State;

public sealed class PostgresGrainStorageTests() : GrainStorageContract(StorageKind.Postgres);
