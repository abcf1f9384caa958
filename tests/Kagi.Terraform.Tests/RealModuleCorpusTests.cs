using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

/// <summary>
/// Published modules (Corpus/, each with its LICENSE and a NOTICE naming its source and commit) scanned as a user
/// would scan their repository: Kagi may raise an evaluation error only where Terraform 1.11 raises one too.
/// </summary>
public sealed class RealModuleCorpusTests
{
    private static string Corpus => RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Corpus");

    // The errors Terraform raises as well. vpc's examples/issues calls the module with private_subnets = [] and two
    // database subnets: with no private and no database route table, coalescelist([], []) fails in Terraform's plan too
    // ("no non-null arguments"; reproduced with terraform_data resources standing in for the route tables).
    private static readonly Dictionary<string, string[]> TerraformErrors = new(StringComparer.Ordinal)
    {
        ["terraform-aws-modules--terraform-aws-vpc"] =
        [
            "main.tf:498: coalescelist(): every list is empty",
            "main.tf:848: coalescelist(): every list is empty",
        ],
    };

    public static TheoryData<string> Repositories() =>
        [.. Directory.GetDirectories(Corpus).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Repositories))]
    public void A_published_module_scans_with_no_evaluation_error_that_Terraform_does_not_raise(string repository)
    {
        // Given a repository's copied folders, scanned from its root
        var root = Path.Combine(Corpus, repository);

        // When Kagi scans it
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([root]);

        // Then its errors are exactly those Terraform raises
        var errors = inventory.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{Path.GetRelativePath(root, d.Location!.File).Replace('\\', '/')}:{d.Location!.Line}: {d.Message}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(TerraformErrors.GetValueOrDefault(repository, []), errors);
    }

    [Fact]
    public void Every_copied_repository_keeps_its_licence_and_a_notice_naming_its_source_commit()
    {
        foreach (var repository in Directory.GetDirectories(Corpus))
        {
            Assert.Contains("Apache License\n                           Version 2.0, January 2004", File.ReadAllText(Path.Combine(repository, "LICENSE")), StringComparison.Ordinal);
            Assert.Matches(@"commit [0-9a-f]{40}", File.ReadAllText(Path.Combine(repository, "NOTICE")));
        }
    }
}
