using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Kagi.Core;

/// <summary>Why reflection over Kagi's own types is safe in the trimmed, Native AOT binary.</summary>
public static class OwnAssemblies
{
    /// <summary>The justification of every trim warning that reflection over Kagi's own assemblies raises.</summary>
    public const string Rooted =
        "Kagi's own assemblies are trimmer roots (TrimmerRootAssembly in src/Kagi.Cli/Kagi.Cli.csproj): every type and member stays in the published binary, and the AOT smoke test in CI runs the catalogue from it.";

    /// <summary>
    /// One instance of every concrete class in <paramref name="assemblies"/> that implements <typeparamref name="T"/>,
    /// made with its parameterless constructor (public or not): how the catalogue discovers the pieces of each kind.
    /// </summary>
    /// <exception cref="InvalidOperationException">Such a class has no parameterless constructor.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Rooted)]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Rooted)]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Rooted)]
    public static IReadOnlyList<T> Instances<T>(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return [.. assemblies.Distinct().SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(type))
            .Select(type => type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is { } constructor
                ? (T)constructor.Invoke(null)
                : throw new InvalidOperationException($"{type.FullName} has no parameterless constructor"))];
    }
}
