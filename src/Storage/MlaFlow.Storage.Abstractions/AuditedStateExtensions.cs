using Orleans.Core;

namespace MlaFlow.Storage;

public static class AuditedStateExtensions
{
    /// <summary>
    /// Writes <paramref name="value"/> with <paramref name="audit"/>, in one transaction. When the write fails — a stale
    /// copy (<c>InconsistentStateException</c>), the database down — nothing was stored and the state keeps the value
    /// it had, so the grain never answers from a change that did not happen.
    /// </summary>
    public static async Task WriteAsync<TValue>(this IStorage<Audited<TValue>> state, TValue value, AuditEntry audit) where TValue : class
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(audit);
        var previous = state.State.Value;
        state.State.Value = value;
        state.State.Pending = audit;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Value = previous;
            throw;
        }
        finally
        {
            state.State.Pending = null;
        }
    }
}
