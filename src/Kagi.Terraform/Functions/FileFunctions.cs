using Kagi.Hcl;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary><c>file</c> and <c>templatefile</c>, reading relative to the module directory.</summary>
internal static class FileFunctions
{
    private const string HeredocMarker = "KAGI_TEMPLATE_END";

    public static IEnumerable<KeyValuePair<string, TfFunction>> All { get; } =
    [
        new("file", new(1, 1, a => new TfString(Read(a, a.String(0, "the path"))))),
        new("fileexists", new(1, 1, a => TfValue.Of(File.Exists(Resolve(a, a.String(0, "the path")))))),
        new("templatefile", new(2, 2, TemplateFile)),
    ];

    private static string Resolve(FunctionArgs args, string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(args.Evaluator.Resolver.ModuleDirectory, path);

    private static string Read(FunctionArgs args, string path)
    {
        var resolved = Resolve(args, path);
        return File.Exists(resolved) ? File.ReadAllText(resolved) : throw new EvaluationException($"no file exists at {path}");
    }

    // The file is read as the body of a heredoc, which is how Terraform treats a template file's text.
    private static TfValue TemplateFile(FunctionArgs args)
    {
        var path = args.String(0, "the path");
        var text = Read(args, path);
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

        var evaluator = new ExpressionEvaluator(new TemplateResolver(args.Evaluator.Resolver.ModuleDirectory));
        var result = evaluator.Evaluate(template, Scope.Isolated(variables.Attributes));
        return addedNewline && result is TfString { Value: var rendered } && rendered.EndsWith('\n') ? new TfString(rendered[..^1]) : result;
    }

    /// <summary>A template sees only the variables passed to templatefile().</summary>
    private sealed class TemplateResolver(string moduleDirectory) : IReferenceResolver
    {
        public string ModuleDirectory { get; } = moduleDirectory;

        public TfValue Resolve(ScopeTraversalExpr traversal, Scope scope, out int stepsUsed) =>
            throw new EvaluationException($"the template refers to \"{traversal.Root}\", which is not one of the variables given to templatefile()", traversal.Range);
    }
}
