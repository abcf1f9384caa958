using Kagi.CloudFormation.Reading;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>
/// Reads a resource's <c>Metadata: { kagi: { ignore: [ { id: RULE, reason: …, until: … } ] } }</c>, the way Checkov
/// reads <c>Metadata.checkov.skip</c>. As with Terraform's <c># kagi:ignore</c>, an entry without a reason does not mute
/// (it is kept for reports, and reported); one whose <c>until</c> has passed, or cannot be read, does not mute either.
/// Metadata is not evaluated by CloudFormation, so only literal values count.
/// </summary>
internal static class TemplateSuppressions
{
    public static IReadOnlyList<Suppression> Read(string file, string logicalId, MappingNode declaration, DateTimeOffset now, List<ScanDiagnostic> diagnostics)
    {
        if ((declaration.Get("Metadata") as MappingNode)?.Get("kagi") is not MappingNode kagi || kagi.Get("ignore") is not { } ignore)
        {
            return [];
        }

        if (ignore is not SequenceNode { Items: var entries })
        {
            Warn(diagnostics, file, ignore.Line, Texts.Canonical("reasons.cloudformation-ignore-not-a-list", ("resource", logicalId)));
            return [];
        }

        var found = new List<Suppression>();
        foreach (var entry in entries)
        {
            if (Read(file, logicalId, entry, now, diagnostics) is { } suppression)
            {
                found.Add(suppression);
            }
        }

        return found;
    }

    private static Suppression? Read(string file, string logicalId, TemplateNode entry, DateTimeOffset now, List<ScanDiagnostic> diagnostics)
    {
        var location = new SourceLocation(file, entry.Line);
        if (entry is not MappingNode map || Literal(map, "id") is not { Length: > 0 } rule)
        {
            Warn(diagnostics, file, entry.Line, Texts.Canonical("reasons.cloudformation-ignore-without-id", ("resource", logicalId)));
            return null;
        }

        if (Literal(map, "until") is { } until)
        {
            if (!UserTime.TryParse(until, endOfDay: true, out var expires))
            {
                Warn(diagnostics, file, entry.Line, Texts.Canonical("reasons.cloudformation-ignore-bad-until", ("rule", rule), ("value", until)));
                return null;
            }

            if (expires <= now)
            {
                Warn(diagnostics, file, entry.Line, Texts.Canonical("reasons.cloudformation-ignore-expired", ("rule", rule), ("resource", logicalId), ("until", until)));
                return null;
            }
        }

        var reason = Literal(map, "reason") is { Length: > 0 } given ? given : null;
        if (reason is null)
        {
            Warn(diagnostics, file, entry.Line, Texts.Canonical("reasons.cloudformation-ignore-without-reason", ("rule", rule)));
        }

        return new Suppression(rule, reason, location);
    }

    // A scalar written as is; a list, a map or an intrinsic function is not a literal.
    private static string? Literal(MappingNode map, string key) => map.Get(key) is ScalarNode { Value: { } value } ? value.Trim() : null;

    private static void Warn(List<ScanDiagnostic> diagnostics, string file, int line, string message) =>
        diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, message, new SourceLocation(file, line)));
}
