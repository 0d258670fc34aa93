using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.Clustering;

public sealed class SqliteMembershipTableTests() : MembershipTableContract(StorageKind.Sqlite);
