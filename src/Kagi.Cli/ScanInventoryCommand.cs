using System.CommandLine;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Cli;

/// <summary><c>kagi scan inventory FILE</c>: judges an inventory saved by <c>kagi scan aws --save-inventory</c>, offline.</summary>
internal static class ScanInventoryCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var file = OptionLikeArguments.Refused(new Argument<string>("FILE") { Description = "An inventory written by 'kagi scan aws --save-inventory FILE'." });
        var options = new ScanOptionSet();
        var command = new Command("inventory", "Re-evaluate a saved inventory offline, with no AWS call.") { file };
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var settings = options.Read(parsed, error);
            if (settings is null)
            {
                return ExitCodes.BadInput;
            }

            if (ScanStore.WriteStoredFix(settings, time, output, error) is { } storedFix)
            {
                return storedFix;
            }

            var path = parsed.GetValue(file)!;
            var startedAt = time.GetUtcNow();
            SavedInventory saved;
            try
            {
                saved = InventoryFile.Read(File.ReadAllText(path), KindCatalog.Kinds, path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"kagi: {Texts.Get(settings.Language, "cli.inventory-unreadable", ("path", path), ("reason", TerminalText.Line(exception.Message)))}");
                return ExitCodes.BadInput;
            }
#pragma warning disable CA1031 // A reader bug is named with the file it met it in; the top-level net would not know the file.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                error.WriteLine(KagiCommandLine.InternalError(exception, path, settings.Language));
                return ExitCodes.BadInput;
            }

            var report = ScanReports.Judge(ScanSource.Inventory, saved.Targets, saved.Inventory, settings, startedAt, time);
            var language = settings.Language == Language.Ja ? " --lang ja" : string.Empty;
            return ScanOutput.Write(report, saved.Inventory, settings, time, finding => $"kagi scan inventory {Placeholders.ShellWord(path)}{language} --fix {finding.Fingerprint[..12]}", output, error);
        });
        return command;
    }
}
