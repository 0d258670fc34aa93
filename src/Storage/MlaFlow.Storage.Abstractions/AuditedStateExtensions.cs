using Orleans.Core;

namespace MlaFlow.Storage;

public static class AuditedStateExtensions
{
    /// <summary>
    /// Writes <paramref name="value"/> with <paramref name="audit"/>, in one transaction. When the write fails — a stale
    /// copy (<c>InconsistentStateException</c>), the database down — nothing was stored and the state keeps the value
    /// it had, so the grain never answers from a change that did not happen.
    /// </summary>
    public static Task WriteAsync<TValue>(this IStorage<Audited<TValue>> state, TValue value, AuditEntry audit) where TValue : class =>
        state.WriteAsync(value, [audit ?? throw new ArgumentNullException(nameof(audit))]);

    /// <summary>
    /// Writes <paramref name="value"/> with several audit records, in order, in one transaction: a change that stands for
    /// several (request numbers given out together). The entries are of one authority's chain.
    /// </summary>
    public static async Task WriteAsync<TValue>(this IStorage<Audited<TValue>> state, TValue value, IReadOnlyList<AuditEntry> audit) where TValue : class
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(audit);
        if (audit.Count == 0 || audit.Any(e => e is null || e.Authority != audit[0].Authority))
        {
            throw new ArgumentException("A write is recorded by one or more audit entries, all of one authority.", nameof(audit));
        }

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
