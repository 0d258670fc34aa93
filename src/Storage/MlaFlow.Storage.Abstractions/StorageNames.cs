namespace MlaFlow.Storage;

/// <summary>The names grains give MlaFlow's storage providers.</summary>
public static class StorageNames
{
    /// <summary>The audited grain storage: <c>[PersistentState("…", StorageNames.MlaFlow)] IPersistentState&lt;Audited&lt;T&gt;&gt;</c>.</summary>
    public const string MlaFlow = "mlaflow";
}
