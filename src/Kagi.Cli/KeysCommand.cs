using System.CommandLine;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;
using Kagi.Rules;
using Kagi.Terraform;

namespace Kagi.Cli;

/// <summary>
/// <c>kagi keys [show KEY]</c>: every key a scan saw and what each protects, from a saved inventory or Terraform folders:
/// the CMK migration backlog (data on AWS-managed keys) and the blast radius of a key that is disabled or deleted.
/// </summary>
internal static class KeysCommand
{
    private const string PolicyRule = "kms-key-policy-not-public";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inventory = new Option<string?>("--inventory") { Description = "An inventory written by 'kagi scan aws --save-inventory FILE'." };
        var iac = new Option<string[]>("--iac") { Description = "Terraform files or folders to read keys and their dependents from; repeat for more." };
        var format = new Option<string>("--format") { Description = "table, json, csv or md.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. KeyInventoryWriter.Formats]);
        var lang = LanguageOption.Create("Language of the output.");

        var key = OptionLikeArguments.Refused(new Argument<string>("KEY") { Description = "A key ARN, key ID, alias or Terraform address." });
        var show = new Command("show", "Show one key and every resource it protects.") { key, inventory, iac, lang };
        show.SetAction(parsed => Run(parsed, inventory, iac, lang, error, (rows, _) =>
        {
            var name = parsed.GetValue(key)!;
            var language = LanguageOption.Read(parsed, lang);
            if (rows.FirstOrDefault(row => row.IsNamed(name)) is not { } row)
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.no-such-key", ("key", TerminalText.Line(name)))}");
                return ExitCodes.BadInput;
            }

            KeyInventoryWriter.WriteOne(row, language, output);
            return ExitCodes.Clean;
        }));

        var keys = new Command("keys", "Every KMS key a scan saw and the data each protects.") { inventory, iac, format, lang, show, KeysPlanCommand.Create(inventory, iac, lang, output, error) };
        keys.SetAction(parsed => Run(parsed, inventory, iac, lang, error, (rows, _) =>
        {
            KeyInventoryWriter.Write(rows, parsed.GetValue(format)!, LanguageOption.Read(parsed, lang), output);
            return ExitCodes.Clean;
        }));
        return keys;
    }

    /// <summary>Reads the keys from the one source given and hands them, with the inventory they come from, to <paramref name="write"/>.</summary>
    internal static int Run(ParseResult parsed, Option<string?> inventoryOption, Option<string[]> iacOption, Option<string> lang, TextWriter error, Func<IReadOnlyList<KeyRow>, Inventory, int> write)
    {
        var language = LanguageOption.Read(parsed, lang);
        var path = parsed.GetValue(inventoryOption);
        var folders = parsed.GetValue(iacOption) ?? [];
        if ((path is null) == (folders.Length == 0))
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.keys-source")}");
            return ExitCodes.BadInput;
        }

        Inventory inventory;
        if (path is not null)
        {
            try
            {
                inventory = InventoryFile.Read(File.ReadAllText(path), KindCatalog.Kinds, path).Inventory;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.inventory-unreadable", ("path", path), ("reason", TerminalText.Line(exception.Message)))}");
                return ExitCodes.BadInput;
            }
        }
        else
        {
            inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan(folders);
            foreach (var diagnostic in inventory.Diagnostics)
            {
                error.WriteLine($"kagi: {TerminalText.Line(diagnostic.ToString(language))}");
            }
        }

        var policyRule = RuleCatalog.Find(PolicyRule)!.Rule;
        return write(KeyInventory.Build(inventory, key => PolicyPublic(policyRule, key)), inventory);
    }

    private static bool? PolicyPublic(IRule rule, KmsKey key) =>
        !rule.AppliesTo(key) ? null : rule.Evaluate(key, ScanOptions.Default).Status switch
        {
            ResultStatus.Fail => true,
            ResultStatus.Pass => false,
            _ => null,
        };
}
