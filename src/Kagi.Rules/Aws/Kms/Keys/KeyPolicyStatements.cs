using System.Text.Json;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>What a key policy grants to everyone: the statements open to all, and those Kagi cannot judge.</summary>
/// <param name="Open">Statements (by Sid, else by position) that allow everyone without a condition pinning the caller.</param>
/// <param name="Unjudged">Statements allowing everyone whose conditions Kagi cannot read, each with the condition key in question.</param>
internal sealed record PolicyExposure(IReadOnlyList<string> Open, IReadOnlyList<string> Unjudged);

/// <summary>
/// Reads a key policy for Allow statements whose principal is everyone (<c>"*"</c>, <c>{"AWS": "*"}</c> or any
/// <c>NotPrincipal</c>).
/// <para>
/// What Kagi calls public: such a statement is open whatever its actions — <c>kms:DescribeKey</c> alone included, as
/// Security Hub KMS.5 and Prowler (after its issue 10070) judge it: it tells any account the key exists, its state,
/// origin and description, and the rule's verdict must agree with the controls it claims as equivalents. It is not
/// open when one of its conditions pins the caller: a positive match (StringEquals/Like, ArnEquals/Like, IpAddress)
/// of a key naming the caller's account, organisation, principal, network or source, with values that name one.
/// </para>
/// <para>
/// Conditions that do not pin: negated operators (everyone but), <c>Null</c>, <c>ForAllValues:</c> and
/// <c>...IfExists</c> on keys a request may lack (both match when the key is absent), values made only of wildcards,
/// <c>0.0.0.0/0</c>, and keys describing the request rather than the caller (<c>kms:ViaService</c>, encryption
/// context, tags, transport). A condition Kagi cannot read — another key, another operator, a partial wildcard it
/// cannot tie to an account or organisation — makes the statement unjudged, never silently pinned.
/// </para>
/// </summary>
internal static class KeyPolicyStatements
{
    // Keys naming the caller's account, organisation, principal, network, or the resource a service acts for.
    private static readonly HashSet<string> PinningKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
        "aws:SourceVpc", "aws:SourceVpce", "aws:SourceIp", "aws:userid", "aws:username",
        "kms:CallerAccount",
    };

    // Present in every signed request, so ...IfExists on them still pins.
    private static readonly HashSet<string> AlwaysPresentKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalAccount", "aws:PrincipalArn", "kms:CallerAccount",
    };

    // Keys any caller controls or shares with every other account: they describe the request, not who makes it.
    private static readonly string[] RequestKeyPrefixes =
    [
        "kms:", "aws:RequestTag/", "aws:PrincipalTag/", "aws:TagKeys", "aws:SecureTransport", "aws:CurrentTime",
        "aws:EpochTime", "aws:MultiFactorAuth", "aws:ViaAWSService", "aws:CalledVia", "aws:RequestedRegion",
        "aws:PrincipalType", "aws:UserAgent", "aws:Referer", "aws:TokenIssueTime",
    ];

    private static readonly HashSet<string> PinningOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "IpAddress",
    };

    private static readonly HashSet<string> NonPinningOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike", "NotIpAddress", "Null",
    };

    private enum Reach
    {
        Pinned,
        Open,
        Unjudged,
    }

    /// <summary>The statements open to everyone and those Kagi cannot judge; null when the text is not a policy document.</summary>
    public static PolicyExposure? Read(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statement))
            {
                return null;
            }

            var statements = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToList() : [statement];
            var open = new List<string>();
            var unjudged = new List<string>();
            foreach (var (item, index) in statements.Select((item, index) => (item, index)).Where(s => AllowsEveryone(s.item)))
            {
                var (reach, conditionKey) = Judge(item);
                if (reach == Reach.Open)
                {
                    open.Add(Label(item, index));
                }
                else if (reach == Reach.Unjudged)
                {
                    unjudged.Add($"{Label(item, index)} ({conditionKey})");
                }
            }

            return new PolicyExposure(open, unjudged);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool AllowsEveryone(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object
        && Text(statement, "Effect") == "Allow"
        && (statement.TryGetProperty("NotPrincipal", out _) || (statement.TryGetProperty("Principal", out var principal) && IsEveryone(principal)));

    private static bool IsEveryone(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => principal.GetString() == "*",
        JsonValueKind.Object => principal.TryGetProperty("AWS", out var aws) && Values(aws).Contains("*"),
        _ => false,
    };

    // Conditions are ANDed: one that pins is enough; otherwise one Kagi cannot read leaves the statement unjudged.
    private static (Reach Reach, string? ConditionKey) Judge(JsonElement statement)
    {
        if (!statement.TryGetProperty("Condition", out var condition) || condition.ValueKind != JsonValueKind.Object)
        {
            return (Reach.Open, null);
        }

        var judged = condition.EnumerateObject()
            .SelectMany(op => op.Value.ValueKind == JsonValueKind.Object
                ? op.Value.EnumerateObject().Select(key => (Reach: JudgeCondition(op.Name, key.Name, Values(key.Value)), Key: key.Name))
                : [(Reach: Reach.Unjudged, Key: op.Name)])
            .ToList();
        return judged.Any(c => c.Reach == Reach.Pinned) ? (Reach.Pinned, null)
            : judged.FirstOrDefault(c => c.Reach == Reach.Unjudged) is { Key: not null } unjudged ? (Reach.Unjudged, unjudged.Key)
            : (Reach.Open, null);
    }

    private static Reach JudgeCondition(string conditionOperator, string key, List<string> values)
    {
        if (!PinningKeys.Contains(key))
        {
            return RequestKeyPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ? Reach.Open : Reach.Unjudged;
        }

        var baseOperator = conditionOperator.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase) ? conditionOperator["ForAnyValue:".Length..] : conditionOperator;
        if (baseOperator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase))
        {
            if (!AlwaysPresentKeys.Contains(key))
            {
                return Reach.Open;
            }

            baseOperator = baseOperator[..^"IfExists".Length];
        }

        if (NonPinningOperators.Contains(baseOperator) || conditionOperator.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            return Reach.Open;
        }

        if (!PinningOperators.Contains(baseOperator) || values.Count == 0)
        {
            return Reach.Unjudged;
        }

        // Values are ORed: one that matches anyone opens the statement.
        var reaches = values.Select(value => JudgeValue(key, value)).ToList();
        return reaches.Contains(Reach.Open) ? Reach.Open : reaches.Contains(Reach.Unjudged) ? Reach.Unjudged : Reach.Pinned;
    }

    private static Reach JudgeValue(string key, string value)
    {
        if (value is "0.0.0.0/0" or "::/0" || (value.Length > 0 && value.All(c => c is '*' or '?')))
        {
            return Reach.Open;
        }

        if (value.IndexOfAny(['*', '?']) < 0)
        {
            return Reach.Pinned;
        }

        // A pattern still pins when the part naming the account or organisation is literal.
        return key.EndsWith("Arn", StringComparison.OrdinalIgnoreCase) ? ArnAccountIsLiteral(value)
            : key.EndsWith("OrgPaths", StringComparison.OrdinalIgnoreCase) ? OrgIsLiteral(value)
            : Reach.Unjudged;
    }

    private static Reach ArnAccountIsLiteral(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? Reach.Pinned : Reach.Unjudged;
    }

    private static Reach OrgIsLiteral(string path)
    {
        var org = path.Split('/')[0];
        return org.StartsWith("o-", StringComparison.Ordinal) && org.IndexOfAny(['*', '?']) < 0 ? Reach.Pinned : Reach.Unjudged;
    }

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Select(item => item.ToString())],
        _ => [value.ToString()],
    };

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Label(JsonElement statement, int index) => Text(statement, "Sid") is { Length: > 0 } sid ? sid : $"#{index + 1}";
}
