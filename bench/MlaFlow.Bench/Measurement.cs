namespace MlaFlow.Bench;

/// <summary>
/// One line of the report: some MlaFlow work, how fast it runs, and what OpenSSL alone would need for the same work.
/// </summary>
internal sealed class Measurement
{
    /// <param name="name">What is measured, e.g. "HPKE auth seal+open, 1 KiB, X25519".</param>
    /// <param name="unit">What <paramref name="runAsync"/>'s rate counts.</param>
    /// <param name="model">OpenSSL's cost of the same work, priced in primitives of the same unit.</param>
    /// <param name="runAsync">Runs the work (warm-up included) and returns its rate.</param>
    /// <exception cref="ArgumentException">The model prices the work in another unit than the measurement's.</exception>
    public Measurement(string name, RateUnit unit, OpenSslModel model, Func<BenchContext, Task<double>> runAsync)
    {
        if (model.Costs.FirstOrDefault(c => c.Primitive.Unit != unit) is { } mismatch)
        {
            throw new ArgumentException($"{name} counts {unit} but its model prices it in {mismatch.Primitive.Name} ({mismatch.Primitive.Unit}).", nameof(model));
        }

        Name = name;
        Unit = unit;
        Model = model;
        RunAsync = runAsync;
    }

    public string Name { get; }

    public RateUnit Unit { get; }

    public OpenSslModel Model { get; }

    public Func<BenchContext, Task<double>> RunAsync { get; }
}
