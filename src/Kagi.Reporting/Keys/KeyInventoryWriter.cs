using System.Globalization;
using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Keys;

/// <summary>Writes the key inventory as a terminal table, JSON, CSV or Markdown; every value escaped for its medium.</summary>
public static class KeyInventoryWriter
{
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "csv", "md"];

    public static void Write(IReadOnlyList<KeyRow> rows, string format, Language language, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case "json":
                WriteJson(rows, output);
                break;
            case "csv":
                output.Write(CsvReportWriter.ByteOrderMark);
                CsvReportWriter.WriteRow(output, ["key", "aliases", "account", "region", "level", "origin", "state", "deletion_date", "rotation", "policy_public", "multi_region", "dependents", "dependents_by_kind"]);
                foreach (var row in rows)
                {
                    CsvReportWriter.WriteRow(output, [row.Key, Text(row.Aliases), row.Account ?? string.Empty, row.Region ?? string.Empty, Text(row.Level.Map(level => level.ToName())), Text(row.Origin), Text(row.State), Text(row.DeletionDate), Text(row.RotationEnabled), Text(row.PolicyPublic), Text(row.MultiRegion), Count(row), ByKind(row)]);
                }

                break;
            case "md":
                output.WriteLine($"| {string.Join(" | ", Columns(language))} |");
                output.WriteLine($"|{string.Concat(Enumerable.Repeat(" --- |", Columns(language).Count))}");
                foreach (var row in rows)
                {
                    output.WriteLine($"| {string.Join(" | ", Cells(row, language).Select(MarkdownText.Escape))} |");
                }

                break;
            default:
                WriteTable(rows, language, output);
                break;
        }
    }

    /// <summary>One key in full, with every dependent by ARN or Terraform address.</summary>
    public static void WriteOne(KeyRow row, Language language, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (column, cell) in Columns(language).Zip(Cells(row, language)))
        {
            output.WriteLine($"{column}: {TerminalText.Line(cell)}");
        }

        output.WriteLine();
        foreach (var dependent in row.SortedDependents)
        {
            output.WriteLine($"  {TerminalText.Line(dependent.ResourceType),-28} {TerminalText.Line(dependent.Id)}");
        }
    }

    private static void WriteTable(IReadOnlyList<KeyRow> rows, Language language, TextWriter output)
    {
        var table = new List<IReadOnlyList<string>> { Columns(language) };
        table.AddRange(rows.Select(row => (IReadOnlyList<string>)[.. Cells(row, language).Select(TerminalText.Line)]));
        var widths = Enumerable.Range(0, table[0].Count).Select(column => table.Max(line => line[column].Length)).ToList();
        foreach (var line in table)
        {
            // The last column is not padded: no trailing spaces.
            output.WriteLine(string.Join("  ", line.Select((cell, column) => column == line.Count - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    /// <summary>The column headings every format shows, the HTML report's Keys section and the dashboard's Keys pages too.</summary>
    public static IReadOnlyList<string> Columns(Language language) =>
    [
        Texts.Get(language, "reports.key-column-key"),
        Texts.Get(language, "reports.key-column-aliases"),
        Texts.Get(language, "reports.key-column-where"),
        Texts.Get(language, "reports.key-column-level"),
        Texts.Get(language, "reports.key-column-state"),
        Texts.Get(language, "reports.key-column-rotation"),
        Texts.Get(language, "reports.key-column-policy-public"),
        Texts.Get(language, "reports.key-column-protects"),
    ];

    /// <summary>One key's cells under <see cref="Columns"/>, as plain text for each format to escape.</summary>
    public static IEnumerable<string> Cells(KeyRow row, Language language)
    {
        yield return TextTranslation.Translate(row.Key, language);
        yield return Text(row.Aliases);
        yield return string.Join(" ", new[] { row.Account, row.Region }.OfType<string>());
        yield return Text(row.Level.Map(level => level.ToName()));
        yield return row.DeletionDate is { IsKnown: true, Value: { } date } ? $"{Text(row.State)} ({date})" : Text(row.State);
        yield return YesNo(row.RotationEnabled.IsKnown ? row.RotationEnabled.Value : null, language);
        yield return YesNo(row.PolicyPublic, language);
        yield return row.Dependents.Count == 0 ? "0" : $"{Count(row)}: {ByKind(row)}";
    }

    private static void WriteJson(IReadOnlyList<KeyRow> rows, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var row in rows)
            {
                KeyRowJson.Write(json, row);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Count(KeyRow row) => row.Dependents.Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The dependents counted by kind: <c>2 AWS::RDS::DBInstance, 1 AWS::SQS::Queue</c>.</summary>
    internal static string ByKind(KeyRow row) => string.Join(", ", row.DependentsByKind.Select(kind => $"{kind.Count} {kind.ResourceType}"));

    private static string Text<T>(Fact<T> fact) => !fact.IsKnown ? "?" : fact.Value switch
    {
        null => "-",
        bool value => value ? "yes" : "no",
        IReadOnlyList<string> list => list.Count == 0 ? "-" : string.Join(" ", list),
        var value => value.ToString() ?? "-",
    };

    private static string Text(bool? value) => value switch
    {
        null => "?",
        true => "yes",
        false => "no",
    };

    private static string YesNo(bool? value, Language language) => value switch
    {
        null => "?",
        true => Texts.Get(language, "reports.yes"),
        false => Texts.Get(language, "reports.no"),
    };
}
