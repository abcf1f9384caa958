using Kagi.Core.Files;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Tests.Support;

/// <summary>Resolves <c>root.name</c> references from a table, for evaluator tests that need no module.</summary>
internal sealed class FakeResolver(Dictionary<string, TfValue>? values = null, string directory = ".") : IReferenceResolver
{
    public string ModuleDirectory { get; } = directory;

    public ScanRoots Roots { get; } = ScanRoots.Of([directory]);

    public TfValue Resolve(ScopeTraversalExpr traversal, Scope scope, out int stepsUsed)
    {
        stepsUsed = 1;
        var name = traversal.Steps is [GetAttrStep first, ..] ? $"{traversal.Root}.{first.Name}" : traversal.Root;
        return values is not null && values.TryGetValue(name, out var value)
            ? value
            : throw new EvaluationException($"unknown reference {name}", traversal.Range);
    }

    public static ExpressionEvaluator Evaluator(Dictionary<string, TfValue>? values = null, string directory = ".") =>
        new(new FakeResolver(values, directory));
}
