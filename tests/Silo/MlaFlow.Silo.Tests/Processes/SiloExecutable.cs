using System.Diagnostics;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// The built node and how to launch it. This project references the Silo project, so every build copies
/// <c>MlaFlow.Silo.dll</c> with its own deps.json and runtimeconfig.json next to the tests, in whatever
/// configuration was built (CI builds Release). Tests therefore run the very bits the build produced,
/// started as an operator starts them: <c>dotnet MlaFlow.Silo.dll …</c>.
/// </summary>
internal static class SiloExecutable
{
    public const string FileName = "MlaFlow.Silo.dll";

    public static string Path { get; } = Locate();

    /// <summary>
    /// A start for <c>dotnet MlaFlow.Silo.dll <paramref name="arguments"/></c> with every stream redirected.
    /// The working directory is the program's folder, which is the node's content root (appsettings.json).
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = System.IO.Path.GetDirectoryName(Path)!,
        };
        info.ArgumentList.Add(Path);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Configuration keys are case-insensitive, so a developer's or CI's own MLAFLOW__… settings would
        // silently change the node under test; the test states the whole configuration itself.
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("MlaFlow", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static string Locate()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
        var runtimeConfig = System.IO.Path.ChangeExtension(path, ".runtimeconfig.json");
        return File.Exists(path) && File.Exists(runtimeConfig)
            ? path
            : throw new FileNotFoundException($"{FileName} and its runtimeconfig.json are not in the test output folder {AppContext.BaseDirectory}; build the solution first.", path);
    }

    // `dotnet app.dll` loads the runtime into the dotnet process itself (no launcher child), so the
    // process started here is the node: killing it kills the node. The SDK names its own host in
    // DOTNET_HOST_PATH; outside the SDK, the testhost usually runs under it, else PATH has one.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
