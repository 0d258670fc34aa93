using Orleans.Serialization.Cloning;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// The copy Orleans makes of a domain record passed between a grain and its caller on one silo: the record itself.
/// MlaFlow's domain records are immutable — sealed records of init-only values and read-only lists, never changed once
/// made (a change is a new record, <c>with</c>) — so sharing one is safe, and a read of a request costs no JSON round
/// trip. Between silos they still travel as MlaFlow's JSON. JSON nodes, which are mutable, are copied as JSON.
/// </summary>
internal sealed class ImmutableRecordCopier(Func<Type, bool> isDomainRecord) : IGeneralizedCopier
{
    public bool IsSupportedType(Type type) => isDomainRecord(type);

    public object? DeepCopy(object? input, CopyContext context) => input;
}
