using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// Reads <c># kagi:ignore RULE-ID reason</c> comments (also <c>//</c> and <c>/* */</c>) on a block's first line or
/// inside the block. A suppression without a reason does not mute: it is kept so that reports can show it, and reported.
/// </summary>
internal static class SuppressionComments
{
    private const string Marker = "kagi:ignore";

    public static IReadOnlyList<Suppression> Find(ConfigFile file, Block block, List<ScanDiagnostic> diagnostics)
    {
        var first = block.Range.Start.Line;
        var last = block.Range.End.Line;
        var found = new List<Suppression>();
        foreach (var comment in file.Comments.Where(c => c.Range.Start.Line >= first && c.Range.Start.Line <= last))
        {
            var text = comment.Text.Trim().TrimStart('*').TrimEnd('/').TrimEnd('*').Trim();
            if (!text.StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            var location = comment.Range.ToLocation();
            var words = text[Marker.Length..].Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, Texts.Canonical("reasons.ignore-without-rule"), location));
                continue;
            }

            var reason = words.Length > 1 ? words[1] : null;
            if (reason is null)
            {
                diagnostics.Add(new ScanDiagnostic(
                    DiagnosticSeverity.Warning,
                    Texts.Canonical("reasons.ignore-without-reason", ("rule", words[0])),
                    location));
            }

            found.Add(new Suppression(words[0], reason, location));
        }

        return found;
    }
}
