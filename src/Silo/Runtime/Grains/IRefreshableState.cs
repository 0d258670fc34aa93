namespace MlaFlow.Runtime.Grains;

/// <summary>A state copy that can tell whether the stored row changed since it was read, and reload if so.</summary>
internal interface IRefreshableState
{
    Task RefreshIfChangedAsync(CancellationToken cancellationToken);
}
