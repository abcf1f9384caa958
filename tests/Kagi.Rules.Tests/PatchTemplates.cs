using System.Text.Json.Nodes;

namespace Kagi.Rules.Tests;

/// <summary>Rendered CloudFormation fixes, merged into one template for cfn-lint.</summary>
internal static class PatchTemplates
{
    private const string ResourcesLine = "\nResources:\n";

    /// <summary>The JSON of a JSON fix: the note comes first, as prose, and the JSON starts at the first brace of a line.</summary>
    public static string JsonPart(string fix) => fix[fix.IndexOf("\n{", StringComparison.Ordinal)..];

    public static string MergedYaml(IEnumerable<string> blocks) =>
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
        + string.Concat(blocks.Select(block => block[(block.IndexOf(ResourcesLine, StringComparison.Ordinal) + ResourcesLine.Length)..]));

    public static string MergedJson(IEnumerable<string> blocks)
    {
        var merged = new JsonObject();
        foreach (var block in blocks)
        {
            foreach (var (id, resource) in JsonNode.Parse(JsonPart(block))!["Resources"]!.AsObject().ToList())
            {
                merged[id] = resource!.DeepClone();
            }
        }

        return new JsonObject { ["AWSTemplateFormatVersion"] = "2010-09-09", ["Resources"] = merged }.ToJsonString();
    }
}
