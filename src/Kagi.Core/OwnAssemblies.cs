namespace Kagi.Core;

/// <summary>Why reflection over Kagi's own types is safe in the trimmed, Native AOT binary.</summary>
public static class OwnAssemblies
{
    /// <summary>The justification of every trim warning that reflection over Kagi's own assemblies raises.</summary>
    public const string Rooted =
        "Kagi's own assemblies are trimmer roots (TrimmerRootAssembly in src/Kagi.Cli/Kagi.Cli.csproj): every type and member stays in the published binary, and the AOT smoke test in CI runs the catalogue from it.";
}
