using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Storage;

public sealed class PostgresGrainStorageTests() : GrainStorageContract(StorageKind.Postgres);
