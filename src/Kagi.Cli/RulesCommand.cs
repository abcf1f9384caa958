using System.CommandLine;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Cli;

/// <summary><c>kagi rules list|show ID</c>: the catalogue with its risk and remediation texts.</summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var lang = LanguageOption.Create("Language of the texts.");
        var service = new Option<string?>("--service") { Description = "Only rules of this service, e.g. neptune or kms." };
        var severity = new Option<string?>("--severity") { Description = "Only rules of this severity or higher." };
        severity.AcceptOnlyFromAmong([.. Enum.GetValues<Severity>().Select(level => level.ToName())]);
        var framework = new Option<string?>("--framework") { Description = $"Only rules mapped to this framework ({string.Join(", ", MappedFrameworks)})." };
        var list = new Command("list", "List the rules, optionally filtered.") { lang, service, severity, framework };
        list.SetAction(parsed => List(
            LanguageOption.Read(parsed, lang),
            new RuleFilter(parsed.GetValue(service), parsed.GetValue(severity), parsed.GetValue(framework)),
            output,
            error));

        var id = OptionLikeArguments.Refused(new Argument<string>("ID") { Description = "The rule ID, e.g. neptune-cluster-cmk-encryption." });
        var show = new Command("show", "Show one rule: risk, remediation, equivalents in other tools.") { id, lang };
        show.SetAction(parsed => Show(parsed.GetValue(id)!, LanguageOption.Read(parsed, lang), output, error));

        var rules = new Command("rules", "The rule catalogue.") { list, show };
        rules.SetAction(_ => List(Language.En, new RuleFilter(null, null, null), output, error));
        return rules;
    }

    /// <summary>
    /// The frameworks some rule of the catalogue maps a control of, by name: a framework Kagi knows but maps nothing to
    /// is not offered as a filter that could only answer nothing.
    /// </summary>
    public static IReadOnlyList<string> MappedFrameworks { get; } =
        [.. RuleCatalog.All.SelectMany(entry => entry.Metadata.Compliance).Select(mapping => mapping.Framework).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static int List(Language language, RuleFilter filter, TextWriter output, TextWriter error)
    {
        if (filter.Framework is { } name && !MappedFrameworks.Contains(name, StringComparer.Ordinal))
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.no-framework-mapping", ("framework", TerminalText.Line(name)), ("frameworks", string.Join(", ", MappedFrameworks)))}");
            return ExitCodes.BadInput;
        }

        foreach (var entry in RuleCatalog.All.Where(entry => filter.Selects(entry.Metadata)))
        {
            var frameworks = string.Join(" ", entry.Metadata.Compliance.Select(mapping => $"{mapping.Framework}:{mapping.Control}"));
            output.WriteLine($"{entry.Metadata.Id,-40} {entry.Metadata.Severity.ToName(),-8} {entry.Metadata.Title.Get(language)}");
            if (filter.Framework is not null)
            {
                output.WriteLine($"{string.Empty,-40} {string.Empty,-8} {frameworks}");
            }
        }

        return ExitCodes.Clean;
    }

    private static int Show(string id, Language language, TextWriter output, TextWriter error)
    {
        if (RuleCatalog.Find(id) is not { } entry)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.no-such-rule", ("ids", id))}");
            return ExitCodes.BadInput;
        }

        var rule = entry.Metadata;
        output.WriteLine($"{rule.Id} ({rule.Severity.ToName()}, {rule.Service}, {rule.ResourceType})");
        output.WriteLine(rule.Title.Get(language));
        output.WriteLine();
        output.WriteLine(rule.Risk.Get(language).TrimEnd());
        foreach (var medium in rule.Remediation.Media)
        {
            var heading = medium.Label.Get(language);
            foreach (var (variant, localized) in rule.Remediation.For(medium).Variants)
            {
                output.WriteLine();
                output.WriteLine(variant == VariantText.DefaultVariant ? $"-- {heading}" : $"-- {heading} ({variant})");
                output.WriteLine(localized.Get(language).TrimEnd());
            }
        }

        output.WriteLine();
        var equivalents = string.Join(", ", rule.Equivalents.Select(e => $"{e.Tool} {e.Id}"));
        var controls = rule.Compliance.Count == 0 ? "-" : string.Join(", ", rule.Compliance.Select(c => $"{c.Framework} {c.Control}"));
        output.WriteLine(Texts.Get(language, "cli.rule-equivalents", ("equivalents", equivalents)));
        output.WriteLine(Texts.Get(language, "cli.rule-compliance", ("controls", controls)));
        foreach (var reference in rule.References)
        {
            output.WriteLine($"  {reference}");
        }

        return ExitCodes.Clean;
    }
}

/// <summary>What <c>kagi rules list</c> keeps: a service, a lowest severity, a framework; null means any.</summary>
internal sealed record RuleFilter(string? Service, string? MinSeverity, string? Framework)
{
    public bool Selects(RuleMetadata rule) =>
        (Service is null || string.Equals(rule.Service, Service, StringComparison.OrdinalIgnoreCase))
        && (MinSeverity is null || (StatusNames.TryParseSeverity(MinSeverity, out var minimum) && rule.Severity >= minimum))
        && (Framework is null || rule.Compliance.Any(mapping => mapping.Framework == Framework));
}
