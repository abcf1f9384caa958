using System.Text.Json;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>Reads a key policy for statements that let anyone at all use or manage the key.</summary>
internal static class KeyPolicyStatements
{
    // Condition keys that tie the caller to known accounts, organisations, networks or principals. kms:ViaService alone
    // does not: any account's principal can call through the named service.
    private static readonly HashSet<string> NarrowingKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
        "aws:SourceVpc", "aws:SourceVpce", "aws:SourceIp", "aws:userid", "aws:username",
        "kms:CallerAccount",
    };

    /// <summary>The statements (by Sid, else by position) open to everyone; null when the text is not a policy document.</summary>
    public static IReadOnlyList<string>? OpenToEveryone(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (!document.RootElement.TryGetProperty("Statement", out var statement))
            {
                return null;
            }

            var statements = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToList() : [statement];
            return [.. statements.Select((item, index) => (item, index)).Where(s => IsOpen(s.item)).Select(s => Label(s.item, s.index))];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsOpen(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object
        && Text(statement, "Effect") == "Allow"
        && (statement.TryGetProperty("NotPrincipal", out _) || (statement.TryGetProperty("Principal", out var principal) && IsEveryone(principal)))
        && !IsNarrowed(statement);

    private static bool IsEveryone(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => principal.GetString() == "*",
        JsonValueKind.Object => principal.TryGetProperty("AWS", out var aws) && Values(aws).Contains("*"),
        _ => false,
    };

    private static bool IsNarrowed(JsonElement statement) =>
        statement.TryGetProperty("Condition", out var condition)
        && condition.ValueKind == JsonValueKind.Object
        && condition.EnumerateObject().Any(op => op.Value.ValueKind == JsonValueKind.Object
            && op.Value.EnumerateObject().Any(key => NarrowingKeys.Contains(key.Name) && !Values(key.Value).Any(v => v.Contains('*', StringComparison.Ordinal))));

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Select(item => item.ToString())],
        _ => [value.ToString()],
    };

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Label(JsonElement statement, int index) => Text(statement, "Sid") is { Length: > 0 } sid ? sid : $"#{index + 1}";
}
