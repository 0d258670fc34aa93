using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Storage;

public sealed class SqliteGrainStorageTests() : GrainStorageContract(StorageKind.Sqlite);
