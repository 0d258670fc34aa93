using Xunit;

namespace MlaFlow.Testing;

/// <summary>The six Lancang–Mekong states MlaFlow ships plugins for, as theory data.</summary>
public static class LancangMekong
{
    public static TheoryData<string> States => new() { "CN", "KH", "LA", "MM", "TH", "VN" };
}
