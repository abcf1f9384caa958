using System.CommandLine;
using Kagi.CloudFormation;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;
using Kagi.Rules;
using Kagi.Store;
using Kagi.Terraform;
using Kagi.Web;

namespace Kagi.Cli;

/// <summary>
/// <c>kagi keys [show KEY]</c>: every key a scan saw and what each protects, from a saved inventory or Terraform folders:
/// the CMK migration backlog (data on AWS-managed keys) and the blast radius of a key that is disabled or deleted.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var inventory = new Option<string?>("--inventory") { Description = "An inventory written by 'kagi scan aws --save-inventory FILE'." };
        var iac = new Option<string[]>("--iac") { Description = "Terraform or CloudFormation files or folders to read keys and their dependents from, as scan iac reads them; repeat for more." };
        var store = FindingsCommand.StoreOption();
        store.Description = $"Read the keys of every scope's latest scan in the findings store: this one, or with no value ${StoreLocation.EnvironmentVariable}, else ~/.kagi/kagi.db.";
        store.Arity = ArgumentArity.ZeroOrOne;
        var format = new Option<string>("--format") { Description = "table, json, csv or md.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. KeyInventoryWriter.Formats]);
        var lang = LanguageOption.Create("Language of the output.");
        var sources = new KeySources(inventory, iac, store, lang, time);

        var key = OptionLikeArguments.Refused(new Argument<string>("KEY") { Description = "A key ARN, key ID, alias or Terraform address." });
        var show = new Command("show", "Show one key and every resource it protects.") { key, inventory, iac, store, lang };
        show.SetAction(parsed => Run(parsed, sources, error, (rows, _) =>
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

        var keys = new Command("keys", "Every KMS key a scan saw and the data each protects.") { inventory, iac, store, format, lang, show, KeysPlanCommand.Create(sources with { Store = null }, output, error) };
        keys.SetAction(parsed => Run(parsed, sources, error, (rows, _) =>
        {
            KeyInventoryWriter.Write(rows, parsed.GetValue(format)!, LanguageOption.Read(parsed, lang), output);
            return ExitCodes.Clean;
        }));
        return keys;
    }

    /// <summary>
    /// Reads the keys from the one source given and hands them to <paramref name="write"/> with the inventory they come
    /// from; keys read from the store come without one.
    /// </summary>
    internal static int Run(ParseResult parsed, KeySources sources, TextWriter error, Func<IReadOnlyList<KeyRow>, Inventory?, int> write)
    {
        var language = LanguageOption.Read(parsed, sources.Lang);
        var path = parsed.GetValue(sources.Inventory);
        var folders = parsed.GetValue(sources.Iac) ?? [];
        var store = sources.Store is { } option && parsed.GetResult(option) is not null ? option : null;
        if ((path is null ? 0 : 1) + (folders.Length == 0 ? 0 : 1) + (store is null ? 0 : 1) != 1)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.keys-source")}");
            return ExitCodes.BadInput;
        }

        if (store is not null)
        {
            return FindingsCommand.WithStore(parsed, store, sources.Lang, sources.Time, error, (store, _) => write([.. StoredKeys.Latest(store).Select(pair => pair.Row)], null));
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
            inventory = IacSources.Scan(folders, TerraformScanOptions.Default, CloudFormationScanOptions.Default, []);
            foreach (var diagnostic in inventory.Diagnostics)
            {
                error.WriteLine($"kagi: {TerminalText.Line(diagnostic.ToString(language))}");
            }
        }

        return write(StoredKeys.Of(inventory), inventory);
    }

    /// <summary>
    /// Where <c>kagi keys</c> reads keys from: exactly one of a saved inventory, IaC paths or the findings store (none
    /// for a command that needs the inventory itself).
    /// </summary>
    internal sealed record KeySources(Option<string?> Inventory, Option<string[]> Iac, Option<string?>? Store, Option<string> Lang, TimeProvider Time);
}
