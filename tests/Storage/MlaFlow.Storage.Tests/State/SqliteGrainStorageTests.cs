using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.State;

public sealed class SqliteGrainStorageTests() : GrainStorageContract(StorageKind.Sqlite);
