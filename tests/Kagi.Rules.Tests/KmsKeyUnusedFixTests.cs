using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Terraform;

namespace Kagi.Rules.Tests;

/// <summary>
/// The fix of an unused key retires it: disabled first, so anything Kagi did not scan fails loudly while the key can still
/// be enabled again. Disabling leaves nothing worse: no data store Kagi scanned depends on it, so no other rule changes.
/// </summary>
public sealed class KmsKeyUnusedFixTests
{
    [Fact]
    public void The_printed_fix_disables_the_unused_key_and_every_other_verdict_stays_as_it_was()
    {
        // Given a configuration with a used key, an unused one and the cluster the used one protects
        var folder = Directory.CreateTempSubdirectory("kagi-unused-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "main.tf"), """
                resource "aws_kms_key" "used" {
                  enable_key_rotation = true
                }

                resource "aws_kms_key" "unused" {
                  enable_key_rotation = true
                }

                resource "aws_neptune_cluster" "graph" {
                  storage_encrypted = true
                  kms_key_arn       = aws_kms_key.used.arn
                }
                """);
            var before = Judge(folder.FullName);
            var unused = Assert.Single(before, f => f.Rule.Id == "kms-key-unused" && f.Status == ResultStatus.Fail);
            Assert.Equal("aws_kms_key.unused", unused.Resource.Id);

            // When the printed Terraform fix's arguments are applied to the unused key
            var fix = FindingText.Render(unused, Language.En).FixIn(RemediationMedium.Terraform);
            Assert.Contains("is_enabled              = false", fix, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "main.tf"), File.ReadAllText(Path.Combine(folder.FullName, "main.tf")).Replace(
                "resource \"aws_kms_key\" \"unused\" {\n  enable_key_rotation = true\n}",
                "resource \"aws_kms_key\" \"unused\" {\n  enable_key_rotation     = true\n  is_enabled              = false\n  deletion_window_in_days = 30\n}",
                StringComparison.Ordinal));
            var after = Judge(folder.FullName);

            // Then the key is disabled, and every other resource's verdict under every rule is what it was
            Assert.Equal("Disabled", after.Select(f => f.Resource).OfType<KmsKey>().First(key => key.Id == "aws_kms_key.unused").State.Value);
            Assert.Equal(Verdicts(before, except: "aws_kms_key.unused"), Verdicts(after, except: "aws_kms_key.unused"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<Finding> Judge(string folder) =>
        RuleEngine.Run(new TerraformScanner(KindCatalog.TerraformMappers).Scan([folder]), RuleCatalog.All, ScanOptions.Default);

    private static List<(string Rule, string Resource, ResultStatus Status)> Verdicts(IReadOnlyList<Finding> findings, string except) =>
        [.. findings.Where(f => f.Resource.Id != except).Select(f => (f.Rule.Id, f.Resource.Id, f.Status)).Order()];
}
