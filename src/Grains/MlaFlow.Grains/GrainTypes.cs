namespace MlaFlow.Grains;

/// <summary>The stored names of MlaFlow's grain types (<c>grain_state.grain_type</c>); never rename one.</summary>
public static class GrainTypes
{
    public const string Request = "request";
    public const string Authority = "authority";
}
