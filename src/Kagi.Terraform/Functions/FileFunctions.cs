using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Hcl;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary>
/// <c>file</c>, <c>fileexists</c> and <c>templatefile</c>, reading relative to the module directory and only inside the
/// scan roots. A file that may not be read (outside them, not a regular file, too large) is unknown, with the reason:
/// never an error that would cost the resource its findings, and never its content.
/// </summary>
internal static class FileFunctions
{
    private const string HeredocMarker = "KAGI_TEMPLATE_END";

    public static IEnumerable<KeyValuePair<string, TfFunction>> All { get; } =
    [
        new("file", new(1, 1, a => Contents(a, "file"))),
        new("fileexists", new(1, 1, FileExists)),
        new("templatefile", new(2, 2, TemplateFile)),
    ];

    private static string Resolve(FunctionArgs args, string path) => Path.Combine(args.Evaluator.Resolver.ModuleDirectory, path);

    private static HostEntry? Find(FunctionArgs args, string path) => args.Evaluator.Resolver.Roots.Find(Resolve(args, path));

    // The file's text, or the unknown that stands for it.
    private static TfValue Contents(FunctionArgs args, string function)
    {
        var path = args.String(0, "the path");
        var entry = Find(args, path);
        return entry?.Kind switch
        {
            null => Refused(Texts.Canonical("reasons.file-outside-scan", ("call", Call(function, path)))),
            EntryKind.Missing or EntryKind.Directory => throw new EvaluationException($"no file exists at {path}"),
            EntryKind.Special => Refused(Texts.Canonical("reasons.file-not-regular", ("call", Call(function, path)))),
            _ => entry.ReadText(ScanRoots.MaxFileBytes) is { } text
                ? new TfString(text)
                : Refused(Texts.Canonical("reasons.file-too-large", ("call", Call(function, path)), ("mebibytes", ScanRoots.MaxFileBytes / (1024 * 1024)))),
        };
    }

    // Whether a file exists is itself something an outside path must not tell.
    private static TfValue FileExists(FunctionArgs args)
    {
        var path = args.String(0, "the path");
        return Find(args, path) switch
        {
            null => Refused(Texts.Canonical("reasons.file-outside-scan", ("call", Call("fileexists", path)))),
            { Kind: EntryKind.Special } => Refused(Texts.Canonical("reasons.file-not-regular", ("call", Call("fileexists", path)))),
            var entry => TfValue.Of(entry.Kind == EntryKind.RegularFile),
        };
    }

    private static TfUnknown Refused(string reason) => new(reason);

    private static string Call(string function, string path) => $"{function}(\"{path}\")";

    // The file is read as the body of a heredoc, which is how Terraform treats a template file's text.
    private static TfValue TemplateFile(FunctionArgs args)
    {
        var contents = Contents(args, "templatefile");
        if (contents is not TfString { Value: var text })
        {
            return contents;
        }

        var path = args.String(0, "the path");
        var variables = ValueOps.ExpectObject(args[1], "the variables");
        var addedNewline = !text.EndsWith('\n');
        Expression template;
        try
        {
            template = HclParser.ParseExpression($"<<{HeredocMarker}\n{text}{(addedNewline ? "\n" : string.Empty)}{HeredocMarker}\n", Resolve(args, path));
        }
        catch (HclParseException error)
        {
            throw new EvaluationException($"the template {path} does not parse: {error.Detail}");
        }

        var evaluator = new ExpressionEvaluator(new TemplateResolver(args.Evaluator.Resolver.ModuleDirectory, args.Evaluator.Resolver.Roots), args.Evaluator.Budget);
        var result = evaluator.Evaluate(template, Scope.Isolated(variables.Attributes));
        return addedNewline && result is TfString { Value: var rendered } && rendered.EndsWith('\n') ? new TfString(rendered[..^1]) : result;
    }

    /// <summary>A template sees only the variables passed to templatefile().</summary>
    private sealed class TemplateResolver(string moduleDirectory, ScanRoots roots) : IReferenceResolver
    {
        public string ModuleDirectory { get; } = moduleDirectory;

        public ScanRoots Roots { get; } = roots;

        public TfValue Resolve(ScopeTraversalExpr traversal, Scope scope, out int stepsUsed) =>
            throw new EvaluationException($"the template refers to \"{traversal.Root}\", which is not one of the variables given to templatefile()", traversal.Range);
    }
}
