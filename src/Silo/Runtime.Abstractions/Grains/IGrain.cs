namespace MlaFlow.Runtime.Grains;

/// <summary>Marker for grain interfaces: every method returns <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;

/// <summary>A grain identified by a string key, e.g. a request id or an authority id.</summary>
public interface IGrainWithStringKey : IGrain;
