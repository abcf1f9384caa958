using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Terraform;
using Kagi.Testing;

namespace Kagi.Rules.Tests;

/// <summary>
/// Kagi's Terraform fix works: for each rule, the first failing fixture resource's patched blocks replace the blocks
/// of the same address (or are added), and the rescan passes that resource.
/// </summary>
public sealed partial class TerraformFixAppliedTests
{
    // Fixes that Kagi cannot prove offline, and why.
    private static readonly Dictionary<string, string> NotProvableOffline = new(StringComparer.Ordinal)
    {
        ["neptune-snapshot-not-public"] = "Terraform cannot express the failure, so there is nothing to fix",
        ["neptune-snapshot-encrypted"] = "the fix changes the snapshot's source cluster, whose address the snapshot's finding does not carry",
        ["kms-key-policy-not-public"] = "the fixed policy names the account through data.aws_caller_identity, known only after apply",
        ["kms-key-unused"] = "the fix retires the key (disable, then remove it): it ends in no finding, not a PASS; KmsKeyUnusedFixTests proves it",
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in RuleCatalog.All.Where(entry => !NotProvableOffline.ContainsKey(entry.Metadata.Id)))
        {
            data.Add(entry.Metadata.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Applying_the_printed_terraform_fix_makes_the_failing_resource_pass(string ruleId)
    {
        // Given the first failing resource of the rule's .tf fixtures, and its Terraform fix as Kagi prints it
        var options = new ScanOptions { Rules = new HashSet<string> { ruleId } };
        var fixtures = Path.Combine(RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures"), RuleCatalog.Find(ruleId)!.Metadata.Service, ruleId);
        var failing = RuleEngine.Run(new TerraformScanner(KindCatalog.TerraformMappers).Scan([fixtures]), RuleCatalog.All, options)
            .First(f => f.Status == ResultStatus.Fail && f.Resource.Location!.File.EndsWith(".tf", StringComparison.Ordinal));
        var fix = FindingText.Render(failing, Language.En).FixIn(RemediationMedium.Terraform);

        // When the fix's blocks replace those of the same address in a copy of the fixtures
        var copy = Directory.CreateTempSubdirectory("kagi-fix-");
        try
        {
            foreach (var file in Directory.GetFiles(fixtures, "*.tf"))
            {
                File.WriteAllText(Path.Combine(copy.FullName, Path.GetFileName(file)), WithoutBlocks(File.ReadAllText(file), Declared(fix)));
            }

            File.WriteAllText(Path.Combine(copy.FullName, "kagi_fix.tf"), fix);

            // Then the rescan passes the resource that failed
            var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([copy.FullName]);
            Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            var after = RuleEngine.Run(inventory, RuleCatalog.All, options).Single(f => f.Resource.Id == failing.Resource.Id);
            Assert.True(after.Status == ResultStatus.Pass, $"{failing.Resource.Id} is {after.Status} after the fix: {after.Result.Reason}\n{fix}");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static List<string> Declared(string hcl) =>
        [.. Block().Matches(hcl).Select(match => match.Groups["header"].Value)];

    // Fixture blocks start at column 0 and end at the first "}" alone on a line.
    private static string WithoutBlocks(string hcl, List<string> headers)
    {
        foreach (var header in headers)
        {
            var start = hcl.IndexOf(header, StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = hcl.IndexOf("\n}", start, StringComparison.Ordinal);
                hcl = hcl[..start] + hcl[(end + 2)..];
            }
        }

        return hcl;
    }

    [GeneratedRegex(@"^(?<header>(resource|data) ""[a-z0-9_]+"" ""[A-Za-z0-9_-]+"") \{", RegexOptions.Multiline)]
    private static partial Regex Block();
}
