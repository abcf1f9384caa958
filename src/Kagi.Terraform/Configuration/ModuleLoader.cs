using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl;
using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Configuration;

/// <summary>Parses a module's files and gathers their declarations; a file that does not parse is reported and skipped.</summary>
internal static class ModuleLoader
{
    public static bool IsConfigurationFile(string path) =>
        path.EndsWith(".tf", StringComparison.Ordinal) || path.EndsWith(".tf.json", StringComparison.Ordinal);

    /// <param name="directory">The module directory as the user wrote it.</param>
    /// <param name="files">The file names in it to read, or null for all configuration files.</param>
    /// <param name="roots">What may be read; null for the directory alone.</param>
    public static TerraformModule Load(string directory, IReadOnlyList<string>? files, List<ScanDiagnostic> diagnostics, ScanRoots? roots = null)
    {
        roots ??= ScanRoots.Of([directory.Length == 0 ? "." : directory]);
        var module = new TerraformModule(directory, isPartial: files is not null);
        var names = files ?? [.. System.IO.Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Where(IsConfigurationFile)];

        // Override files come last, whatever their names, and merge into the blocks they name.
        foreach (var name in names.Order(StringComparer.Ordinal).OrderBy(IsOverrideFile))
        {
            var path = Path.Combine(directory, name);
            if (Parse(path, roots, diagnostics) is { } parsed)
            {
                module.Texts[path] = parsed.Text;
                if (IsOverrideFile(name))
                {
                    Override(module, parsed.File, diagnostics);
                }
                else
                {
                    Gather(module, parsed.File, diagnostics);
                }
            }
        }

        return module;
    }

    /// <summary>A file, or a symbolic link: where a link leads, even nowhere, is for <see cref="Readable"/> to tell.</summary>
    public static bool Exists(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static bool IsOverrideFile(string name)
    {
        var stem = name.EndsWith(".tf.json", StringComparison.Ordinal) ? name[..^".tf.json".Length] : name[..^".tf".Length];
        return stem == "override" || stem.EndsWith("_override", StringComparison.Ordinal);
    }

    private static void Override(TerraformModule module, ConfigFile file, List<ScanDiagnostic> diagnostics)
    {
        foreach (var block in file.Body.Blocks)
        {
            var overridden = (block.Type, block.Labels.Count) switch
            {
                ("resource" or "data", 2) => OverrideResource(module, block),
                ("variable", 1) => OverrideNamed(module.Variables, block, "default"),
                ("output", 1) => OverrideNamed(module.Outputs, block, "value"),
                ("provider", 1) => OverrideProvider(module, block),
                ("module", 1) => OverrideModule(module, block),
                ("locals", 0) => OverrideLocals(module, block),
                _ => false,
            };
            if (!overridden)
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.override-without-target", ("type", block.Type)), block.TypeRange.ToLocation()));
            }
        }
    }

    private static bool OverrideResource(TerraformModule module, Block block)
    {
        var address = $"{(block.Type == "data" ? "data." : string.Empty)}{block.Labels[0]}.{block.Labels[1]}";
        if (!module.ResourcesByAddress.TryGetValue(address, out var original))
        {
            return false;
        }

        var merged = original with { Block = original.Block with { Body = Merge(original.Block.Body, block.Body) } };
        module.ResourcesByAddress[address] = merged;
        module.Resources[module.Resources.IndexOf(original)] = merged;
        return true;
    }

    private static bool OverrideProvider(TerraformModule module, Block block)
    {
        var name = ProviderReferences.Defined(block);
        if (!module.Providers.TryGetValue(name, out var provider))
        {
            return false;
        }

        module.Providers[name] = provider with { Body = Merge(provider.Body, block.Body) };
        return true;
    }

    private static bool OverrideModule(TerraformModule module, Block block)
    {
        if (!module.ModuleCalls.TryGetValue(block.Labels[0], out var call))
        {
            return false;
        }

        module.ModuleCalls[block.Labels[0]] = call with { Block = call.Block with { Body = Merge(call.Block.Body, block.Body) } };
        return true;
    }

    private static bool OverrideLocals(TerraformModule module, Block block)
    {
        foreach (var local in block.Body.Attributes)
        {
            module.Locals[local.Name] = new NamedExpression(local.Name, local.Value, local.Range);
        }

        return true;
    }

    private static bool OverrideNamed(Dictionary<string, NamedExpression> table, Block block, string valueAttribute)
    {
        if (!table.TryGetValue(block.Labels[0], out var original))
        {
            return false;
        }

        if (Attribute(block, valueAttribute) is { } value)
        {
            table[block.Labels[0]] = original with { Value = value.Value };
        }

        return true;
    }

    // An override's arguments replace the original's; its nested blocks replace all original blocks of the same type.
    private static Body Merge(Body original, Body overriding)
    {
        var names = overriding.Attributes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var blockTypes = overriding.Blocks.Select(b => b.Type).ToHashSet(StringComparer.Ordinal);
        return original with
        {
            Attributes = [.. original.Attributes.Where(a => !names.Contains(a.Name)), .. overriding.Attributes],
            Blocks = [.. original.Blocks.Where(b => !blockTypes.Contains(b.Type)), .. overriding.Blocks],
        };
    }

    private static (ConfigFile File, string Text)? Parse(string path, ScanRoots roots, List<ScanDiagnostic> diagnostics)
    {
        if (roots.Readable(path, diagnostics) is not { } file)
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(file.RealPath);
            return (HclParser.Parse(text, path), text);
        }
        catch (HclParseException error)
        {
            var location = string.IsNullOrEmpty(error.Range.File) ? new SourceLocation(path, 1) : error.Range.ToLocation();
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, error.Detail, location));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cannot-read-file", ("error", error.Message)), new SourceLocation(path, 1)));
        }

        return null;
    }

    private static void Gather(TerraformModule module, ConfigFile file, List<ScanDiagnostic> diagnostics)
    {
        void Report(string message, SourceRange range) =>
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, message, range.ToLocation()));

        foreach (var block in file.Body.Blocks)
        {
            var expectedLabels = block.Type switch
            {
                "resource" or "data" => 2,
                "variable" or "output" or "provider" or "module" => 1,
                "locals" or "terraform" => 0,

                // Valid Terraform that declares no resource Kagi reads.
                "moved" or "import" or "check" or "removed" or "ephemeral" => int.MaxValue,
                _ => -1,
            };
            if (expectedLabels < 0)
            {
                Report(Texts.Canonical("reasons.unsupported-block", ("type", block.Type)), block.TypeRange);
                continue;
            }

            if (expectedLabels == int.MaxValue)
            {
                continue;
            }

            if (block.Labels.Count != expectedLabels)
            {
                Report($"a {block.Type} block needs {expectedLabels} label(s), not {block.Labels.Count}", block.TypeRange);
                continue;
            }

            switch (block.Type)
            {
                case "resource" or "data":
                    var resource = new ResourceDeclaration(block.Type == "data" ? ResourceMode.Data : ResourceMode.Managed, block.Labels[0], block.Labels[1], block)
                    {
                        Suppressions = SuppressionComments.Find(file, block, diagnostics),
                    };
                    if (Add(module.ResourcesByAddress, resource.Address, resource, block.Range, Report))
                    {
                        module.Resources.Add(resource);
                    }

                    break;
                case "variable":
                    Add(module.Variables, block.Labels[0], new NamedExpression(block.Labels[0], Attribute(block, "default")?.Value, block.Range, Attribute(block, "type")?.Value, Attribute(block, "nullable")?.Value), block.Range, Report);
                    break;
                case "output":
                    Add(module.Outputs, block.Labels[0], new NamedExpression(block.Labels[0], Attribute(block, "value")?.Value, block.Range), block.Range, Report);
                    break;
                case "locals":
                    foreach (var local in block.Body.Attributes)
                    {
                        Add(module.Locals, local.Name, new NamedExpression(local.Name, local.Value, local.Range), local.Range, Report);
                    }

                    break;
                case "provider":
                    Add(module.Providers, ProviderReferences.Defined(block), block, block.Range, Report);
                    break;
                case "module":
                    Add(module.ModuleCalls, block.Labels[0], new ModuleCall(block.Labels[0], block), block.Range, Report);
                    break;
            }
        }
    }

    private static HclAttribute? Attribute(Block block, string name) => block.Body.Attributes.FirstOrDefault(a => a.Name == name);

    private static bool Add<T>(Dictionary<string, T> table, string name, T item, SourceRange range, Action<string, SourceRange> report)
    {
        if (table.TryAdd(name, item))
        {
            return true;
        }

        report(Texts.Canonical("reasons.declared-twice", ("name", name)), range);
        return false;
    }
}
