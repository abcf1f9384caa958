using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Kagi.Reporting.Tests;

/// <summary>Validates JSON with JsonSchema.Net against a schema kept in Schemas/ (or at a full path), listing every error with its place.</summary>
internal static class JsonSchemaCheck
{
    // JsonSchema.Net registers each schema by its $id globally and refuses a second load: load each file once.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    public static List<string> Errors(string schemaName, string json)
    {
        var schema = Schemas.GetOrAdd(schemaName, name => new Lazy<JsonSchema>(() => JsonSchema.FromFile(Path.IsPathRooted(name) ? name : RepoTools.SchemaPath(name)))).Value;
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))];
    }
}
