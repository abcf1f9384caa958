using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;
using Kagi.Rules;

namespace Kagi.Cli;

/// <summary>
/// <c>kagi keys plan --from KEY --to CMK</c>: the migration of everything one key protects to a CMK, as the fix each
/// resource's <c>*-cmk-encryption</c> rule prints, with the CMK filled in; one ordered script, or one file per resource.
/// </summary>
internal static partial class KeysPlanCommand
{
    private const string RuleSuffix = "-cmk-encryption";

    /// <param name="sources">Where the keys are read from: a saved inventory or Terraform, never the store, whose keys come without the resources a fix needs.</param>
    public static Command Create(KeysCommand.KeySources sources, TextWriter output, TextWriter error)
    {
        var (inventory, iac, lang) = (sources.Inventory, sources.Iac, sources.Lang);
        var from = new Option<string>("--from") { Description = "The key to move away from: an ARN, key ID, alias (alias/aws/rds) or Terraform address.", Required = true };
        var to = new Option<string>("--to") { Description = "The CMK to move to: an ARN, alias or Terraform address.", Required = true };
        var outputDir = new Option<string?>("--output-dir") { Description = "Write one file per resource to this folder instead of one script to standard output." };
        var plan = new Command("plan", "The fix for every resource a key protects, to move it to a CMK.") { from, to, outputDir, inventory, iac, lang };
        plan.SetAction(parsed => KeysCommand.Run(parsed, sources, error, (rows, scanned) =>
        {
            var language = LanguageOption.Read(parsed, lang);
            var source = parsed.GetValue(from)!;
            var target = parsed.GetValue(to)!;
            var named = rows.Where(row => row.IsNamed(source)).ToList();
            var keys = named.Where(row => CanUse(row, target)).ToList();
            if (keys.Count == 0)
            {
                error.WriteLine(named.Count == 0
                    ? $"kagi: {Texts.Get(language, "cli.no-such-key", ("key", TerminalText.Line(source)))}"
                    : $"kagi: {Texts.Get(language, "cli.plan-elsewhere", ("from", TerminalText.Line(source)), ("to", TerminalText.Line(target)))}");
                return ExitCodes.BadInput;
            }

            var steps = Steps(keys, scanned!, target, language);
            return parsed.GetValue(outputDir) is { } directory
                ? WriteFiles(steps, directory, language, error)
                : WriteScript(steps, source, target, language, output);
        }));
        return plan;
    }

    // A KMS key serves its own account and region: an alias such as alias/aws/rds names one key in each, and only those
    // where a target given by ARN lives (or whose place the scan did not learn) can move to it.
    private static bool CanUse(KeyRow row, string target)
    {
        var arn = target.Split(':');
        if (arn is not ["arn", _, "kms", var region, var account, ..])
        {
            return true;
        }

        return (row.Region is null || row.Region == region) && (row.Account is null || row.Account == account);
    }

    // Each dependent of the keys, in kind then ID order, with its rule's fix rewritten for the target key.
    private static List<PlanStep> Steps(IReadOnlyList<KeyRow> keys, Inventory inventory, string target, Language language)
    {
        var rules = RuleCatalog.All.Where(entry => entry.Metadata.Id.EndsWith(RuleSuffix, StringComparison.Ordinal)).ToList();
        var findings = RuleEngine.Run(inventory, rules, ScanOptions.Default)
            .ToDictionary(finding => (finding.Resource.Type, finding.Resource.Id));
        var dependents = keys.SelectMany(key => key.Dependents)
            .DistinctBy(dependent => (dependent.ResourceType, dependent.Id))
            .OrderBy(dependent => dependent.ResourceType, StringComparer.Ordinal)
            .ThenBy(dependent => dependent.Id, StringComparer.Ordinal)
            .ToList();
        return [.. dependents.Select((dependent, index) =>
        {
            var heading = Texts.Get(language, "cli.plan-resource", ("index", index + 1), ("count", dependents.Count), ("type", dependent.ResourceType), ("resource", dependent.Id));
            return new PlanStep(dependent, heading, findings.TryGetValue((dependent.ResourceType, dependent.Id), out var finding) ? Fix(finding, target, language) : Texts.Get(language, "cli.plan-no-fix"));
        })];
    }

    // The rule's fix in each medium the resource's source is changed with; Terraform only for what came from Terraform.
    private static string Fix(Finding finding, string target, Language language)
    {
        // The CloudFormation fix is data: it is rendered onto the target key rather than edited as text.
        var remediation = finding.Rule.Remediation with { Patches = finding.Rule.Remediation.Patches.ToDictionary(pair => pair.Key, pair => pair.Value.OnKey(target)) };
        var text = FindingText.Render(finding with { Rule = finding.Rule with { Remediation = remediation } }, language);
        var source = ResourceSources.Of(finding.Resource);
        var plan = new StringBuilder($"{finding.Rule.Id}: {text.Title}\n");
        foreach (var fix in text.Fixes.Where(fix => fix.Medium != RemediationMedium.Terraform || source == ResourceSources.Terraform))
        {
            var step = fix.Medium == RemediationMedium.AwsCli
                ? Texts.Get(language, "cli.plan-cli-key", ("key", target))
                : Texts.Get(language, "cli.plan-use-key", ("key", target));
            plan.Append(CultureInfo.InvariantCulture, $"\n-- {fix.Medium.Label.Get(language)}\n{TargetKeyFix.Apply(fix.Medium, fix.Text, target, step).TrimEnd()}\n");
        }

        return plan.ToString();
    }

    private static int WriteScript(List<PlanStep> steps, string source, string target, Language language, TextWriter output)
    {
        output.WriteLine($"# {TerminalText.Line(Texts.Get(language, "cli.plan-heading", ("count", steps.Count), ("from", source), ("to", target)))}");
        foreach (var step in steps)
        {
            output.WriteLine();
            output.WriteLine($"## {TerminalText.Line(step.Heading)}");
            output.WriteLine(TerminalText.Block(step.Fix));
        }

        return ExitCodes.Clean;
    }

    private static int WriteFiles(List<PlanStep> steps, string directory, Language language, TextWriter error)
    {
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (step, index) in steps.Select((step, index) => (step, index)))
            {
                var name = $"{index + 1:D3}-{FileNamePart(step.Dependent.Id)}.txt";
                File.WriteAllText(Path.Combine(directory, name), $"# {step.Heading}\n\n{step.Fix}", new UTF8Encoding(false));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.plan-unwritable", ("path", directory), ("reason", TerminalText.Line(exception.Message)))}");
            return ExitCodes.BadInput;
        }

        error.WriteLine($"kagi: {Texts.Get(language, "cli.plan-written", ("count", steps.Count), ("path", directory))}");
        return ExitCodes.Clean;
    }

    // An ARN or address as a file name: no separator, nothing a shell or a file system reads specially, not too long.
    private static string FileNamePart(string id)
    {
        var part = NotFileNameSafe().Replace(id, "_");
        return part.Length <= 100 ? part : part[^100..];
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex NotFileNameSafe();

    private sealed record PlanStep(KeyDependent Dependent, string Heading, string Fix);
}
