using System.Reflection;
using MlaFlow.Plugins.Host.Loading;
using MlaFlow.Plugins.Host.Manifest;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Plugins.Sdk.Extensions;

namespace MlaFlow.Plugins.Host.Code;

/// <summary>
/// Loads the assembly a manifest names into its own <see cref="PluginLoadContext"/>, makes one instance of each
/// public custom step and validator type in it, and checks they are exactly what the manifest lists. Any problem
/// unloads the assembly again: a plugin runs all of its code or none.
/// </summary>
internal static class PluginCodeLoader
{
    /// <summary>The loaded code, or null with every problem, each with the manifest path it concerns (<c>$.assembly.steps[0]</c>).</summary>
    public static (PluginCode? Code, IReadOnlyList<(string Path, string Message)> Problems) Load(string folder, PluginManifest manifest, AssemblyEntry entry)
    {
        var path = Path.Combine(Path.GetFullPath(folder), entry.File);
        if (!File.Exists(path))
        {
            return (null, [("$.assembly.file", $"The assembly '{entry.File}' is not in the plugin folder.")]);
        }

        var context = new PluginLoadContext(manifest.Id, path);
        var problems = new List<(string Path, string Message)>();
        var (steps, validators) = Instantiate(context, path, new PluginEnvironment(Path.GetFullPath(folder), manifest.Country), problems);
        if (problems.Count == 0)
        {
            Match("steps", "custom step", entry.Steps, steps.Keys, problems);
            Match("validators", "validator", entry.Validators, validators.Select(v => v.Name), problems);
        }

        if (problems.Count > 0)
        {
            context.Unload();
            return (null, problems);
        }

        return (new PluginCode(context, steps, validators), []);
    }

    private static (Dictionary<string, ICustomStep> Steps, List<IRequestValidator> Validators) Instantiate(
        PluginLoadContext context, string path, PluginEnvironment environment, List<(string, string)> problems)
    {
        var steps = new Dictionary<string, ICustomStep>(StringComparer.Ordinal);
        var validators = new List<IRequestValidator>();
        Type[] types;
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            var missing = assembly.GetReferencedAssemblies().Where(r => !context.MayLoad(r)).Select(r => r.Name).ToList();
            if (missing.Count > 0)
            {
                problems.Add(("$.assembly.file",
                    $"The assembly uses {string.Join(", ", missing)}; plugin code may use only the MlaFlow SDK, .NET itself and assemblies in its own folder."));
                return (steps, validators);
            }

            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            problems.Add(("$.assembly.file", $"The assembly cannot be loaded: {e.Message}"));
            return (steps, validators);
        }

        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            // Plugin code is not the node's: a constructor or a Name that throws refuses the plugin, it does not stop the node.
            try
            {
                Register(type, environment, steps, validators, problems);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add(("$.assembly.file", $"{type.FullName} failed while loading: {(e as TargetInvocationException)?.InnerException?.Message ?? e.Message}"));
            }
        }

        return (steps, validators);
    }

    private static void Register(
        Type type, PluginEnvironment environment, Dictionary<string, ICustomStep> steps, List<IRequestValidator> validators, List<(string, string)> problems)
    {
        if (typeof(ICustomStep).IsAssignableFrom(type) && Create<ICustomStep>(type, environment, problems) is { } step && Checked(step, type, problems)
            && !steps.TryAdd(step.Name, step))
        {
            problems.Add(("$.assembly.steps", $"Two types provide the custom step '{step.Name}' ({steps[step.Name].GetType().FullName} and {type.FullName})."));
        }

        if (typeof(IRequestValidator).IsAssignableFrom(type) && Create<IRequestValidator>(type, environment, problems) is { } validator)
        {
            var problem = !Names.IsCodeName(validator.Name) ? $"{type.FullName} is named '{validator.Name}'; a validator's name is {Names.CodeNameRule}."
                : validators.Any(v => v.Name == validator.Name) ? $"Two types provide the validator '{validator.Name}'."
                : null;
            if (problem is null)
            {
                validators.Add(validator);
            }
            else
            {
                problems.Add(("$.assembly.validators", problem));
            }
        }
    }

    // One constructor taking the plugin's environment, or none: nothing else is there to inject.
    private static T? Create<T>(Type type, PluginEnvironment environment, List<(string, string)> problems)
        where T : class
    {
        var withEnvironment = type.GetConstructor([typeof(PluginEnvironment)]);
        var parameterless = type.GetConstructor(Type.EmptyTypes);
        if (withEnvironment is null && parameterless is null)
        {
            problems.Add(("$.assembly.file", $"{type.FullName} needs a public constructor taking nothing or a {nameof(PluginEnvironment)}."));
            return null;
        }

        return (T)(withEnvironment?.Invoke([environment]) ?? parameterless!.Invoke(null));
    }

    private static bool Checked(ICustomStep step, Type type, List<(string, string)> problems)
    {
        var outcomes = step.Outcomes ?? [];
        var problem = !Names.IsCodeName(step.Name) ? $"{type.FullName} is named '{step.Name}'; a custom step's name is {Names.CodeNameRule}."
            : outcomes.Count == 0 ? $"The custom step '{step.Name}' declares no outcomes; a step must be left through one."
            : outcomes.Distinct(StringComparer.Ordinal).Count() != outcomes.Count ? $"The custom step '{step.Name}' declares an outcome twice."
            : null;
        if (problem is not null)
        {
            problems.Add(("$.assembly.steps", problem));
        }

        return problem is null;
    }

    // What runs on requests must be what the manifest says: a name listed but not provided, or provided but not listed, is refused.
    private static void Match(string member, string what, IReadOnlyList<string> listed, IEnumerable<string> provided, List<(string, string)> problems)
    {
        var available = provided.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < listed.Count; i++)
        {
            if (!available.Contains(listed[i]))
            {
                var has = available.Count == 0 ? $"it provides no {what}" : $"it provides {string.Join(", ", available)}";
                problems.Add(($"$.assembly.{member}[{i}]", $"The assembly provides no {what} named '{listed[i]}'; {has}."));
            }
        }

        foreach (var extra in available.Where(a => !listed.Contains(a)))
        {
            problems.Add(($"$.assembly.{member}", $"The assembly provides the {what} '{extra}', which the manifest does not list; list it, or remove it from the assembly."));
        }
    }
}
