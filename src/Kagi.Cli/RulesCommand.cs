using System.CommandLine;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Cli;

/// <summary><c>kagi rules list|show ID</c>: the catalogue with its risk and remediation texts.</summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var lang = new Option<string>("--lang") { Description = "Language of the texts.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "ja");
        var list = new Command("list", "List every rule.") { lang };
        list.SetAction(parsed => List(LanguageOf(parsed.GetValue(lang)), output));

        var id = new Argument<string>("ID") { Description = "The rule ID, e.g. neptune-cluster-cmk-encryption." };
        var show = new Command("show", "Show one rule: risk, remediation, equivalents in other tools.") { id, lang };
        show.SetAction(parsed => Show(parsed.GetValue(id)!, LanguageOf(parsed.GetValue(lang)), output, error));

        var rules = new Command("rules", "The rule catalogue.") { list, show };
        rules.SetAction(_ => List(Language.En, output));
        return rules;
    }

    private static int List(Language language, TextWriter output)
    {
        foreach (var entry in RuleCatalog.All)
        {
            output.WriteLine($"{entry.Metadata.Id,-40} {entry.Metadata.Severity.ToName(),-8} {entry.Metadata.Title.Get(language)}");
        }

        return ExitCodes.Clean;
    }

    private static int Show(string id, Language language, TextWriter output, TextWriter error)
    {
        if (RuleCatalog.Find(id) is not { } entry)
        {
            error.WriteLine($"kagi: no such rule: {id}. 'kagi rules list' shows the catalogue.");
            return ExitCodes.BadInput;
        }

        var rule = entry.Metadata;
        output.WriteLine($"{rule.Id} ({rule.Severity.ToName()}, {rule.Service}, {rule.ResourceType})");
        output.WriteLine(rule.Title.Get(language));
        output.WriteLine();
        output.WriteLine(rule.Risk.Get(language).TrimEnd());
        foreach (var (heading, text) in new[] { ("Console", rule.Remediation.Console), ("AWS CLI", rule.Remediation.Cli), ("Terraform", rule.Remediation.Terraform) })
        {
            foreach (var (variant, localized) in text.Variants)
            {
                output.WriteLine();
                output.WriteLine(variant == VariantText.DefaultVariant ? $"-- {heading}" : $"-- {heading} ({variant})");
                output.WriteLine(localized.Get(language).TrimEnd());
            }
        }

        output.WriteLine();
        output.WriteLine($"Equivalents: {string.Join(", ", rule.Equivalents.Select(e => $"{e.Tool} {e.Id}"))}");
        foreach (var reference in rule.References)
        {
            output.WriteLine($"  {reference}");
        }

        return ExitCodes.Clean;
    }

    private static Language LanguageOf(string? name) => name == "ja" ? Language.Ja : Language.En;
}
