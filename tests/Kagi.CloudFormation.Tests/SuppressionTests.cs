using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.CloudFormation.Tests;

/// <summary><c>Metadata.kagi.ignore</c> on a template's resource, as Checkov reads <c>Metadata.checkov.skip</c>.</summary>
public sealed class SuppressionTests
{
    private const string Rule = "kms-key-rotation-enabled";

    // The scan runs on 2026-12-04 (noon UTC), so "until 2026-12-04" still holds and "until 2026-12-03" has passed.
    private static readonly CloudFormationScanOptions OnTheFourth = new() { Time = new FixedTime(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)) };

    private const string Template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Muted:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore:
                  - id: kms-key-rotation-enabled
                    reason: imported key material cannot rotate
                    until: 2026-12-04
          Expired:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore:
                  - { id: kms-key-rotation-enabled, reason: waiting for the vendor, until: 2026-12-03 }
          WithoutReason:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore: [ { id: kms-key-rotation-enabled } ]
          BadDate:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore: [ { id: kms-key-rotation-enabled, reason: later, until: next spring } ]
          OtherRule:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore: [ { id: kms-key-unused, reason: kept for the DR region } ]
          NotAList:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore: kms-key-rotation-enabled
          NoId:
            Type: AWS::KMS::Key
            Metadata:
              kagi:
                ignore: [ { reason: forgot the id } ]
        """;

    [Fact]
    public void Only_an_entry_with_a_rule_a_reason_and_a_future_expiry_mutes_that_rule()
    {
        // Given keys without rotation, each with a different Metadata.kagi.ignore
        var scan = Templates.Scan(Template, OnTheFourth);

        // When the rotation rule judges them
        var statuses = Judged(scan.Inventory, Rule);

        // Then only the entry that names this rule with a reason, still in force, mutes it
        Assert.Equal(ResultStatus.Muted, statuses["Muted"]);
        foreach (var unmuted in new[] { "Expired", "WithoutReason", "BadDate", "OtherRule", "NotAList", "NoId" })
        {
            Assert.Equal(ResultStatus.Fail, statuses[unmuted]);
        }

        // And the mute carries its reason and the line of its entry
        var muted = scan.Inventory.Resources.Single(resource => resource.Declaration!.Name == "Muted").Suppressions.Single();
        Assert.Equal(("imported key material cannot rotate", 8), (muted.Reason, muted.Location!.Line));
    }

    [Fact]
    public void Every_entry_that_does_not_mute_is_reported_at_its_line()
    {
        var diagnostics = Templates.Scan(Template, OnTheFourth).Inventory.Diagnostics;

        Assert.All(diagnostics, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        var byLine = diagnostics.ToDictionary(diagnostic => diagnostic.Location!.Line, diagnostic => diagnostic.Message);
        Assert.Equal([16, 21, 26, 36, 41], byLine.Keys.Order());
        Assert.Contains("expired after 2026-12-03", byLine[16], StringComparison.Ordinal);
        Assert.Contains("gives no reason", byLine[21], StringComparison.Ordinal);
        Assert.Contains("'next spring' is not a date", byLine[26], StringComparison.Ordinal);
        Assert.Contains("NotAList is not a list", byLine[36], StringComparison.Ordinal);
        Assert.Contains("NoId names no rule", byLine[41], StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_template_mutes_the_same_way()
    {
        const string json = """
            {
              "Resources": {
                "Muted": {
                  "Type": "AWS::KMS::Key",
                  "Metadata": { "kagi": { "ignore": [ { "id": "kms-key-rotation-enabled", "reason": "imported key material" } ] } }
                },
                "NotMuted": { "Type": "AWS::KMS::Key" }
              }
            }
            """;
        var scan = Templates.Scan(json, OnTheFourth, name: "template.json");

        var statuses = Judged(scan.Inventory, Rule);

        Assert.Equal((ResultStatus.Muted, ResultStatus.Fail), (statuses["Muted"], statuses["NotMuted"]));
        Assert.Empty(scan.Inventory.Diagnostics);
    }

    private static Dictionary<string, ResultStatus> Judged(Inventory inventory, string ruleId) =>
        RuleEngine.Run(inventory, RuleCatalog.All.Where(entry => entry.Metadata.Id == ruleId), ScanOptions.Default)
            .ToDictionary(finding => finding.Resource.Declaration!.Name, finding => finding.Status);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
