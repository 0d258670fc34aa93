namespace MlaFlow.Runtime.Grains;

/// <summary>The grain types registered explicitly with <c>AddGrain</c>; nothing is discovered by scanning.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface;
    private readonly Dictionary<string, GrainRegistration> _byName;

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var all = registrations.ToList();
        _byInterface = all.ToDictionary(r => r.Interface);
        _byName = all.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
    }

    public GrainRegistration ForInterface(Type grainInterface) =>
        _byInterface.GetValueOrDefault(grainInterface)
        ?? throw new ArgumentException($"No grain implementation is registered for {grainInterface.Name}; call AddGrain<{grainInterface.Name}, …>().");

    public GrainRegistration ForTypeName(string typeName) =>
        _byName.GetValueOrDefault(typeName)
        ?? throw new ArgumentException($"No grain type named '{typeName}' is registered.");
}
