using Kagi.Reporting;
using Kagi.Testing;

namespace Kagi.Cli.Tests;

/// <summary>
/// With <c>--lang ja</c>, what the command line and its human reports say is Japanese: no English sentence of Kagi's own
/// is left, not in the reasons of UNKNOWN and ERROR findings either. Rule texts are excused as <see cref="JapaneseOutput"/> describes.
/// </summary>
public sealed class JapaneseOutputTests
{
    public static TheoryData<string> HumanFormats() => ["table", "md", "junit"];

    [Theory]
    [MemberData(nameof(HumanFormats))]
    public void A_japanese_scan_report_has_no_english_prose(string format)
    {
        var (_, output, error) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--lang", "ja", "--format", format);

        Assert.Empty(JapaneseOutput.EnglishLines(output + error, ExcusedForExamples()));
    }

    [Theory]
    [MemberData(nameof(HumanFormats))]
    public void Japanese_problems_of_the_input_and_their_unknown_verdicts_have_no_english_prose(string format)
    {
        // Given a configuration with a module without source, an ignore comment without a reason, a variable without a
        // value, a count known only after apply, and a variables file that is not there
        var directory = Directory.CreateTempSubdirectory("kagi-ja-problems-").FullName;
        File.WriteAllText(Path.Combine(directory, "main.tf"), """
            variable "name" {}
            module "network" {}
            # kagi:ignore neptune-cluster-storage-encrypted
            resource "aws_neptune_cluster" "this" {
              count              = length(aws_kms_key.k.arn) > 0 ? 1 : 0
              cluster_identifier = var.name
              kms_key_arn        = aws_kms_key.k.arn
            }
            resource "aws_kms_key" "k" {}
            """);

        var (_, output, error) = Kagi.Run("scan", "iac", directory, "--var-file", Path.Combine(directory, "none.tfvars"), "--lang", "ja", "--format", format);

        // Then each problem and each unknown verdict is told in Japanese
        Assert.Contains("source がありません", output + error, StringComparison.Ordinal);
        Assert.Contains("変数ファイルが存在しません", output + error, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(output + error, ExcusedForExamples()));
    }

    [Fact]
    public void A_japanese_fix_has_no_english_prose()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--lang", "ja", "--fix", "all");

        Assert.Contains("-- リスク", output, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(output, ExcusedForExamples()));
    }

    [Fact]
    public void Japanese_rules_list_and_show_have_no_english_prose()
    {
        var (_, list, _) = Kagi.Run("rules", "list", "--lang", "ja", "--framework", "aws-security-hub");
        var shown = string.Concat(Kagi.Run("rules", "list").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Kagi.Run("rules", "show", line.Split(' ')[0], "--lang", "ja").Output));

        Assert.Contains("コンプライアンス:", shown, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(list + shown, JapaneseOutput.RuleTexts()));
    }

    [Fact]
    public void Japanese_errors_of_scan_options_have_no_english_prose()
    {
        // Each is found after the command line parsed, so --lang is known; a parse error itself is English (see cli.yaml).
        string[][] mistakes =
        [
            ["--rules", "no-such-rule"],
            ["--format", "nope"],
            ["--format", "json", "--format", "md"],
            ["--output", "a.json", "--output", "b.json"],
            ["--store", "x.db", "--no-store"],
            ["--fix", "ffffffffffff"],
        ];
        foreach (var mistake in mistakes)
        {
            var (exitCode, _, error) = Kagi.Run(["scan", "iac", RepoPaths.Examples, "--lang", "ja", .. mistake]);

            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.NotEmpty(error);
            Assert.Empty(JapaneseOutput.EnglishLines(error, [FormatNames]));
        }
    }

    [Fact]
    public void Japanese_findings_commands_have_no_english_prose()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("kagi-ja-").FullName, "kagi.db");
        Kagi.Run("scan", "iac", RepoPaths.Examples, "--store", store, "--format", "json");
        Kagi.Run("scan", "iac", RepoPaths.Examples, "--store", store, "--format", "json");

        using var listed = System.Text.Json.JsonDocument.Parse(Kagi.Run("findings", "list", "--store", store, "--format", "json").Output);
        var fingerprint = listed.RootElement.GetProperty("findings")[0].GetProperty("fingerprint").GetString()!;
        var emptyMutes = Kagi.Run("findings", "mutes", "--store", store, "--lang", "ja");
        var shown = Kagi.Run("findings", "show", fingerprint, "--store", store, "--lang", "ja");
        var said = new[]
        {
            emptyMutes,
            Kagi.Run("findings", "show", "0000000000", "--store", store, "--lang", "ja"),
            Kagi.Run("rules", "list", "--framework", "fisc", "--lang", "ja"),
            Kagi.Run("findings", "list", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "diff", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "mute", "aws_neptune_cluster.legacy", "--reason", "移行中のため", "--by", "tester", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "unmute", "aws_neptune_cluster.legacy", "--by", "tester", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "unmute", "aws_neptune_cluster.legacy", "--by", "tester", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "mute", "aws_neptune_cluster.nothing_*", "--reason", "移行中のため", "--by", "tester", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "list", "--since", "yesterday", "--store", store, "--lang", "ja"),
            Kagi.Run("findings", "list", "--store", store + ".missing", "--lang", "ja"),
        };

        Assert.Contains("新規", said[4].Output, StringComparison.Ordinal);
        Assert.Contains("ミュートはありません", emptyMutes.Output, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(string.Concat(said.Select(run => run.Output + run.Error)), []));

        // A shown finding's fix is the rule's text, excused as in a scan's fix
        Assert.Contains("初回検出", shown.Output, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(shown.Output + shown.Error, ExcusedForExamples()));
    }

    // Identifiers: the names of the report formats, which an unknown --format lists.
    private static string FormatNames => string.Join(", ", ReportWriters.All.Select(writer => writer.Format));

    private static IEnumerable<string> ExcusedForExamples() =>
        JapaneseOutput.RuleTexts()

            // A command: the table's fix line repeats the scan, whose first words read like prose.
            .Append("kagi scan iac");
}
