using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace MlaFlow.Runtime.Grains;

/// <summary>
/// The proxy behind a grain reference. Each call is queued as a turn on the activation and the
/// grain's own method is invoked there; its task is handed back to the caller as is.
/// </summary>
public class GrainReference : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainReference, MethodInfo, object?[]?, object>> Dispatchers = new();
    private static readonly MethodInfo InvokeTypedMethod = typeof(GrainReference).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private GrainId _id;
    private GrainRuntime? _runtime;

    public GrainId GrainId => _id;

    internal void Bind(GrainId id, GrainRuntime runtime) => (_id, _runtime) = (id, runtime);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Dispatchers.GetOrAdd(targetMethod, CreateDispatcher)(this, targetMethod, args);
    }

    private static Func<GrainReference, MethodInfo, object?[]?, object> CreateDispatcher(MethodInfo method)
    {
        if (method.ReturnType == typeof(Task))
        {
            return (reference, m, args) => reference._runtime!.InvokeAsync(reference._id, grain => (Task)Call(grain, m, args));
        }

        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var typed = InvokeTypedMethod.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]);
            return (reference, m, args) => typed.Invoke(reference, [m, args])!;
        }

        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private Task<TResult> InvokeTyped<TResult>(MethodInfo method, object?[]? args) =>
        _runtime!.InvokeAsync(_id, grain => (Task<TResult>)Call(grain, method, args));

    private static object Call(Grain grain, MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(grain, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw; // unreachable: Throw() always throws
        }
    }
}
