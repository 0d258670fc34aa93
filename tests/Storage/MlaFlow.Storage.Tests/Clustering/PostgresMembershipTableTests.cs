using MlaFlow.Testing;

namespace MlaFlow.Storage.Tests.Clustering;

public sealed class PostgresMembershipTableTests() : MembershipTableContract(StorageKind.Postgres);
