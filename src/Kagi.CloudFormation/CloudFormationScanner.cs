using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.CloudFormation.Reading;
using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.CloudFormation;

/// <summary>What a scan of templates found, and which files it read as templates.</summary>
public sealed record TemplateScan(Inventory Inventory, IReadOnlyList<string> Templates);

/// <summary>
/// Reads CloudFormation templates (YAML or JSON, recognised by content, so <c>cdk.out/*.template.json</c> and any name
/// work) into an inventory. Bad input never throws: it becomes a diagnostic naming file and line, and every other
/// file is still read.
/// </summary>
public sealed class CloudFormationScanner(CloudFormationMappers mappers, CloudFormationScanOptions? options = null)
{
    private readonly CloudFormationScanOptions _options = options ?? CloudFormationScanOptions.Default;

    /// <summary>Whether a file is for this scanner: a template, or a file that looks like one but does not parse.</summary>
    public static bool Claims(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!TemplateFile.MayHoldTemplate(file) || ScanRoots.Of([file]).Find(file) is not { Kind: EntryKind.RegularFile } entry)
        {
            return false;
        }

        try
        {
            return TemplateFile.IsTemplate(TemplateFile.Read(entry));
        }
        catch (Exception error) when (error is TemplateReadException or IOException or UnauthorizedAccessException)
        {
            return error is TemplateReadException && TemplateFile.LooksLikeTemplate(entry);
        }
    }

    /// <summary>Every template in the folders (and beneath, skipping hidden folders) and files given.</summary>
    public TemplateScan Scan(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var resources = new List<CloudResource>();
        var diagnostics = new List<ScanDiagnostic>();
        var templates = new List<string>();

        // A link in a scanned folder is followed only where it stays inside what was given to scan.
        var roots = ScanRoots.Of(paths);
        foreach (var file in paths.SelectMany(path => Directory.Exists(path) ? Candidates(path, diagnostics) : [path]))
        {
            var explicitFile = paths.Contains(file);
            var mapped = ScanFile(file, explicitFile, roots, diagnostics);
            if (mapped is not null)
            {
                templates.Add(file);
                resources.AddRange(mapped);
            }
        }

        return new TemplateScan(new Inventory(resources, diagnostics), templates);
    }

    // Null when the file is not a template; a file named on the command line that does not parse is reported whatever it looks like.
    private List<CloudResource>? ScanFile(string file, bool named, ScanRoots roots, List<ScanDiagnostic> diagnostics)
    {
        if (roots.Readable(file, diagnostics) is not { } entry)
        {
            return null;
        }

        try
        {
            var (root, syntax) = TemplateFile.ReadWithSyntax(entry);
            return TemplateFile.IsTemplate(root) ? Map(file, syntax, (MappingNode)root!, diagnostics)
                : named ? Failed(file, TemplateTexts.NotATemplate(), 1, diagnostics)
                : null;
        }
        catch (TemplateReadException error)
        {
            return named || TemplateFile.LooksLikeTemplate(entry) ? Failed(file, error.Message, error.Line, diagnostics) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Failed(file, Texts.Canonical("reasons.cannot-read", ("error", error.Message)), 1, diagnostics);
        }
    }

    private static List<CloudResource> Failed(string file, string message, int line, List<ScanDiagnostic> diagnostics)
    {
        diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, message, new SourceLocation(file, line)));
        return [];
    }

    private List<CloudResource> Map(string file, string syntax, MappingNode template, List<ScanDiagnostic> diagnostics)
    {
        var evaluator = new TemplateEvaluator(file, template, _options, diagnostics);
        var created = Created(file, template, evaluator, _options.Time.GetUtcNow(), diagnostics);
        ReportCycles(file, template, evaluator, diagnostics);

        var byId = created.ToDictionary(resource => resource.LogicalId, StringComparer.Ordinal);
        var mapped = created.Where(resource => mappers.ByResourceType.TryGetValue(resource.Type, out var mapper) && mapper.Maps(resource)).ToList();
        var keys = new Dictionary<string, KmsKey>(StringComparer.Ordinal);
        var resolver = new TemplateKeyResolver(keys, byId);
        foreach (var resource in mapped.Where(resource => CloudFormationMappers.MapsKeys(mappers.ByResourceType[resource.Type])))
        {
            keys[resource.LogicalId] = (KmsKey)Complete(mappers.ByResourceType[resource.Type].Map(resource, resolver), resource, file, syntax);
        }

        var records = mapped
            .Select(resource => (Resource: resource, Record: keys.TryGetValue(resource.LogicalId, out var key) ? key : Complete(mappers.ByResourceType[resource.Type].Map(resource, resolver), resource, file, syntax)))
            .ToList();
        var scope = new TemplateScope(created, [.. records.Select(pair => pair.Record)]);
        return [.. records.Select(pair => mappers.ByResourceType[pair.Resource.Type].Join(pair.Record, scope))];
    }

    // The resources the stack would create: those whose Condition is not known to be false, their properties evaluated.
    private static List<TemplateResource> Created(string file, MappingNode template, TemplateEvaluator evaluator, DateTimeOffset now, List<ScanDiagnostic> diagnostics)
    {
        var created = new List<TemplateResource>();
        var globals = SamGlobals.Of(template);
        foreach (var (logicalId, node, line) in (template.Get("Resources") as MappingNode)?.Entries ?? [])
        {
            if (node is not MappingNode { } declaration || declaration.Get("Type") is not ScalarNode { Value: { } type })
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cloudformation-resource-without-type", ("resource", logicalId)), new SourceLocation(file, line)));
                continue;
            }

            foreach (var dependency in declaration.Get("DependsOn") switch
            {
                ScalarNode { Value: { } one } => [one],
                SequenceNode many => many.Items.OfType<ScalarNode>().Select(item => item.Value).OfType<string>(),
                _ => [],
            })
            {
                evaluator.DependsOn(logicalId, dependency, line);
            }

            if (declaration.Get("Condition") is ScalarNode { Value: { } condition } && evaluator.Condition(condition, line) is TemplateText { Value: "false" })
            {
                continue;
            }

            var own = declaration.Get("Properties") is { } written && evaluator.Evaluate(written, logicalId) is TemplateMap map ? map : new TemplateMap([]);
            var properties = globals.Apply(type, own, global => evaluator.Evaluate(global, logicalId));
            var suppressions = TemplateSuppressions.Read(file, logicalId, declaration, now, diagnostics);
            created.Add(new TemplateResource(logicalId, type, new SourceLocation(file, line), properties, suppressions));
        }

        return created;
    }

    // CloudFormation refuses a stack whose resources depend on each other in a circle; so does the scan, naming each circle once.
    private static void ReportCycles(string file, MappingNode template, TemplateEvaluator evaluator, List<ScanDiagnostic> diagnostics)
    {
        var resources = (MappingNode)template.Get("Resources")!;
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, _) in resources.Entries)
        {
            var path = new List<string>();
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            if (Cycle(start, evaluator.Dependencies, done, path, onPath) is { } cycle)
            {
                var line = resources.Entries.First(entry => entry.Key == cycle[0]).KeyLine;
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, EvaluationTexts.CircularReference(string.Join(" → ", cycle)), new SourceLocation(file, line)));
            }
        }
    }

    // Depth-first, with an explicit stack so that a long chain of references cannot overflow the call stack.
    private static List<string>? Cycle(string start, IReadOnlyDictionary<string, HashSet<string>> edges, HashSet<string> done, List<string> path, HashSet<string> onPath)
    {
        var stack = new Stack<(string Node, IEnumerator<string> Next)>();
        void Enter(string node)
        {
            path.Add(node);
            onPath.Add(node);
            stack.Push((node, (edges.TryGetValue(node, out var next) ? next : []).GetEnumerator()));
        }

        if (done.Contains(start))
        {
            return null;
        }

        Enter(start);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Peek();
            if (!next.MoveNext())
            {
                stack.Pop();
                path.RemoveAt(path.Count - 1);
                onPath.Remove(node);
                done.Add(node);
                continue;
            }

            if (onPath.Contains(next.Current))
            {
                var cycle = path[path.IndexOf(next.Current)..];
                cycle.Add(next.Current);
                foreach (var member in path)
                {
                    done.Add(member);
                }

                return cycle;
            }

            if (!done.Contains(next.Current))
            {
                Enter(next.Current);
            }
        }

        return null;
    }

    // The syntax goes on the declaration so that a fix is written as the template is (YAML or JSON).
    private CloudResource Complete(CloudResource record, TemplateResource resource, string file, string syntax) => record with
    {
        Id = resource.Id,
        Location = resource.Location,

        // Two templates may declare the same logical ID; the file keeps their findings apart.
        Scope = file,
        Region = _options.Region,
        Account = _options.AccountId,
        Declaration = new SourceAddress(ResourceSources.CloudFormation, resource.Type, resource.LogicalId) { Syntax = syntax },
        Suppressions = resource.Suppressions,
    };

    // Files that may hold a template, beneath a folder, skipping hidden folders and Terraform's and npm's downloads.
    private static List<string> Candidates(string folder, List<ScanDiagnostic> diagnostics)
    {
        var found = new List<string>();
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(current).Where(TemplateFile.MayHoldTemplate).Order(StringComparer.Ordinal));
                foreach (var child in Directory.EnumerateDirectories(current).Where(child => !Path.GetFileName(child).StartsWith('.') && Path.GetFileName(child) != "node_modules").OrderDescending(StringComparer.Ordinal))
                {
                    if (!new DirectoryInfo(child).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        pending.Push(child);
                    }
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cannot-read-directory", ("error", error.Message)), new SourceLocation(current, 1)));
            }
        }

        return found;
    }
}
