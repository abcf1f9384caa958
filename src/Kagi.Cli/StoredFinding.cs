using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Store;

namespace Kagi.Cli;

/// <summary>One stored finding named by the start of its fingerprint, and its fix as the scan that stored it printed it.</summary>
internal static class StoredFinding
{
    /// <summary>The one stored finding whose fingerprint starts with <paramref name="prefix"/>, with its latest result's detail; null with the reason when none or several do.</summary>
    public static TrackedFinding? Find(IFindingStore store, string prefix, Language language, out string? problem)
    {
        var matches = store.ListFindings(new FindingQuery()).Where(finding => finding.Fingerprint.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        var shown = TerminalText.Line(prefix);
        problem = matches.Count switch
        {
            0 => Texts.Get(language, "cli.no-stored-finding", ("fingerprint", shown)),
            1 => null,
            _ => Texts.Get(language, "cli.ambiguous-fingerprint", ("fingerprint", shown), ("count", matches.Count)),
        };
        return problem is null ? store.FindFinding(matches[0].Fingerprint) : null;
    }

    /// <summary>
    /// Its fix in every medium, from the evidence its latest scan stored; a finding that passed or is resolved has none,
    /// and says so rather than print a template whose placeholders nothing fills. False when its rule is no longer shipped.
    /// </summary>
    public static bool WriteFix(TrackedFinding tracked, Language language, TextWriter output)
    {
        if (RuleCatalog.Find(tracked.RuleId) is not { } entry)
        {
            return false;
        }

        if (tracked.State == FindingState.Resolved || tracked.LastStatus == ResultStatus.Pass)
        {
            output.WriteLine(NothingToFix(language, tracked.State == FindingState.Resolved, tracked.Fingerprint, tracked.RuleId, tracked.ResourceId));
            return true;
        }

        FixWriter.Write([tracked.Explain(entry.Metadata)], language, output);
        return true;
    }

    /// <summary>Why a finding gets no fix: it is resolved, or it passed.</summary>
    public static string NothingToFix(Language language, bool resolved, string fingerprint, string ruleId, string resourceId)
    {
        (string, object?)[] finding = [("fingerprint", fingerprint[..Math.Min(12, fingerprint.Length)]), ("rule", ruleId), ("resource", resourceId)];
        return TerminalText.Line(resolved ? Texts.Get(language, "cli.nothing-to-fix-resolved", finding) : Texts.Get(language, "cli.nothing-to-fix", finding));
    }
}
