using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Testing;

namespace Kagi.Reporting.Tests;

/// <summary>A template's finding is fixed in the console, the CLI and CloudFormation in every format; Terraform's fix is not shown for it.</summary>
public sealed class CloudFormationFixOutputTests
{
    [Fact]
    public void The_terminal_fix_shows_console_cli_and_cloudformation_without_terraform()
    {
        var output = new StringWriter();

        FixWriter.Write(Report(Language.En).Findings.Where(finding => finding.Status == ResultStatus.Fail), Language.En, output);

        var text = output.ToString();
        Assert.Contains("-- Console\n", text, StringComparison.Ordinal);
        Assert.Contains("-- AWS CLI\n", text, StringComparison.Ordinal);
        Assert.Contains("-- CloudFormation\n", text, StringComparison.Ordinal);
        Assert.Contains("  GraphCluster:\n    Type: AWS::Neptune::DBCluster\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-- Terraform", text, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_kms_key", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_gives_the_cloudformation_patch_as_the_code_fix()
    {
        var markdown = Golden.Write(new MarkdownReportWriter(), Report(Language.En));

        Assert.Contains("Fix in CloudFormation:\n\n```yaml\n", markdown, StringComparison.Ordinal);
        Assert.Contains("KmsKeyId: !GetAtt GraphClusterKey.Arn", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix in Terraform", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_and_sarif_help_have_a_cloudformation_tab_and_no_terraform_one()
    {
        var report = Report(Language.En);

        var html = Golden.Write(new HtmlReportWriter(), report);
        using var sarif = JsonDocument.Parse(Golden.Write(new SarifReportWriter(), report));

        Assert.Contains(">CloudFormation</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Terraform</label>", html, StringComparison.Ordinal);
        var help = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Select(rule => rule.GetProperty("help").GetProperty("markdown").GetString()!).ToList();
        Assert.All(help, text => Assert.Contains("**Fix in CloudFormation**", text, StringComparison.Ordinal));
        Assert.All(help, text => Assert.DoesNotContain("**Fix in Terraform**", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_keeps_the_terraform_key_empty_and_lists_cloudformation_among_the_media()
    {
        using var json = JsonDocument.Parse(Golden.Write(new JsonReportWriter(), Report(Language.En)));

        var remediation = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(finding => finding.GetProperty("status").GetString() == "FAIL").GetProperty("remediation");
        Assert.Equal(string.Empty, remediation.GetProperty("terraform").GetString());
        Assert.NotEmpty(remediation.GetProperty("cli").GetString()!);
        var media = remediation.GetProperty("media").EnumerateObject().Select(medium => medium.Name).ToList();
        Assert.Equal(["console", "aws-cli", "cloudformation"], media);
        Assert.Contains("Type: AWS::Neptune::DBCluster", remediation.GetProperty("media").GetProperty("cloudformation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_japanese_cloudformation_fix_has_no_english_sentence()
    {
        var output = new StringWriter();

        FixWriter.Write(Report(Language.Ja).Findings.Where(finding => finding.Status == ResultStatus.Fail), Language.Ja, output);

        var text = output.ToString();
        var patch = text[text.IndexOf("-- CloudFormation\n", StringComparison.Ordinal)..];
        Assert.Contains("置き換えます", patch, StringComparison.Ordinal);
        Assert.Null(EnglishSentences.FindIn(patch));
    }

    // One Neptune cluster from a YAML template, on the AWS-managed key: a FAIL of the CMK rule, a PASS of the encryption one.
    private static ScanReport Report(Language language)
    {
        var options = ScanOptions.Default with { Rules = new HashSet<string> { "neptune-cluster-cmk-encryption" } };
        var cluster = new NeptuneCluster
        {
            Id = "AWS::Neptune::DBCluster.GraphCluster",
            Name = Fact.Known("graph-prod"),
            Location = new SourceLocation("templates/graph.yaml", 4),
            Declaration = new SourceAddress(ResourceSources.CloudFormation, "AWS::Neptune::DBCluster", "GraphCluster") { Syntax = "yaml" },
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.ServiceDefault(),
        };
        var inventory = new Inventory([cluster], []);
        return new ScanReport
        {
            Source = ScanSource.Iac,
            Targets = ["templates"],
            StartedAt = new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 12, 4, 3, 0, 1, TimeSpan.Zero),
            Findings = RuleEngine.Run(inventory, Kagi.Rules.RuleCatalog.All, options),
            Diagnostics = [],
            Options = options,
            Language = language,
            Inventory = inventory,
        };
    }
}
