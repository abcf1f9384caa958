namespace Kagi.Hcl.Json;

/// <summary>
/// What JSON syntax cannot say by itself: which object keys are blocks, and with how many labels.
/// Terraform knows this from its own schema (top level, meta-blocks) and from provider schemas (which we do not have:
/// other nested objects stay object attributes, and the evaluator treats known nested-block names as blocks).
/// </summary>
internal static class TerraformJsonSchema
{
    private static readonly Dictionary<string, int> TopLevel = new(StringComparer.Ordinal)
    {
        ["resource"] = 2,
        ["data"] = 2,
        ["variable"] = 1,
        ["output"] = 1,
        ["module"] = 1,
        ["provider"] = 1,
        ["locals"] = 0,
        ["terraform"] = 0,
        ["moved"] = 0,
        ["import"] = 0,
        ["check"] = 1,
        ["removed"] = 0,
    };

    private static readonly Dictionary<string, Dictionary<string, int>> Nested = new(StringComparer.Ordinal)
    {
        ["resource"] = ResourceBlocks(),
        ["data"] = ResourceBlocks(),
        ["lifecycle"] = new(StringComparer.Ordinal) { ["precondition"] = 0, ["postcondition"] = 0 },
        ["provisioner"] = new(StringComparer.Ordinal) { ["connection"] = 0 },
        ["dynamic"] = new(StringComparer.Ordinal) { ["content"] = 0 },
        ["variable"] = new(StringComparer.Ordinal) { ["validation"] = 0 },
        ["output"] = new(StringComparer.Ordinal) { ["precondition"] = 0 },
        ["terraform"] = new(StringComparer.Ordinal) { ["required_providers"] = 0, ["backend"] = 1, ["cloud"] = 0 },
        ["check"] = new(StringComparer.Ordinal) { ["assert"] = 0, ["data"] = 2 },
    };

    public static int? TopLevelLabels(string type) => TopLevel.TryGetValue(type, out var labels) ? labels : null;

    /// <summary>The label count when <paramref name="key"/> inside a <paramref name="blockType"/> block is a nested block.</summary>
    public static int? NestedLabels(string blockType, string key) =>
        Nested.TryGetValue(blockType, out var blocks) && blocks.TryGetValue(key, out var labels) ? labels : null;

    private static Dictionary<string, int> ResourceBlocks() => new(StringComparer.Ordinal)
    {
        ["lifecycle"] = 0,
        ["provisioner"] = 1,
        ["connection"] = 0,
        ["dynamic"] = 1,
    };
}
