using System.Text.Json;
using System.Xml.Linq;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Reporting.Tests;

/// <summary>
/// A finding of an organization scan names its account's name wherever a format names the account; a finding of an
/// unnamed account is written as before, and a hostile name is only ever text.
/// </summary>
public sealed class AccountNameOutputTests
{
    private const string Named = "111122223333";
    private const string Unnamed = "444455556666";
    private const string HostileName = "<script>alert(7)</script>";
    private const string NamedId = "aws_neptune_cluster.good";
    private const string UnnamedId = "aws_neptune_cluster.aws_managed";

    // The sample scan as if read live: the good cluster in a named account, the AWS-managed one in an unnamed account.
    private static ScanReport OrganizationReport(string name)
    {
        var sample = SampleReport.Create();
        return sample with
        {
            Findings = [.. sample.Findings.Select(finding => finding.Resource.Id switch
            {
                NamedId => finding with { Resource = finding.Resource with { Location = null, Declaration = null, Account = Named, AccountName = name } },
                UnnamedId => finding with { Resource = finding.Resource with { Location = null, Declaration = null, Account = Unnamed } },
                _ => finding,
            })],
        };
    }

    [Fact]
    public void The_json_report_names_the_account_only_where_the_organization_named_it_and_keeps_to_its_schema()
    {
        var output = Golden.Write(new JsonReportWriter(), OrganizationReport(HostileName));
        using var json = JsonDocument.Parse(output);
        var resources = json.RootElement.GetProperty("findings").EnumerateArray().Select(finding => finding.GetProperty("resource")).ToList();

        Assert.All(resources.Where(resource => resource.GetProperty("id").GetString() == NamedId), resource => Assert.Equal(HostileName, resource.GetProperty("accountName").GetString()));
        Assert.All(resources.Where(resource => resource.GetProperty("id").GetString() != NamedId), resource => Assert.False(resource.TryGetProperty("accountName", out _)));
        Assert.Empty(JsonSchemaCheck.Errors(RepoPaths.Combine("docs", "kagi-report.schema.json"), output));
    }

    [Fact]
    public void Asff_and_ocsf_give_the_name_in_their_own_fields_and_keep_to_their_schemas()
    {
        var report = OrganizationReport("prod");
        var asffOutput = Golden.Write(new AsffReportWriter(), report);
        var ocsfOutput = Golden.Write(new OcsfReportWriter(), report);
        using var asff = JsonDocument.Parse(asffOutput);
        using var ocsf = JsonDocument.Parse(ocsfOutput);

        var findings = asff.RootElement.EnumerateArray().ToList();
        Assert.All(findings.Where(finding => finding.GetProperty("Resources")[0].GetProperty("Id").GetString() == NamedId), finding => Assert.Equal("prod", finding.GetProperty("AwsAccountName").GetString()));
        Assert.All(findings.Where(finding => finding.GetProperty("Resources")[0].GetProperty("Id").GetString() != NamedId), finding => Assert.False(finding.TryGetProperty("AwsAccountName", out _)));
        var accounts = ocsf.RootElement.EnumerateArray()
            .Where(detection => detection.GetProperty("resources")[0].GetProperty("uid").GetString() is NamedId or UnnamedId)
            .ToLookup(detection => detection.GetProperty("resources")[0].GetProperty("uid").GetString(), detection => detection.GetProperty("cloud").GetProperty("account"));
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts[NamedId], account => Assert.Equal(("prod", Named), (account.GetProperty("name").GetString(), account.GetProperty("uid").GetString())));
        Assert.All(accounts[UnnamedId], account => Assert.False(account.TryGetProperty("name", out _)));
        Assert.Empty(JsonSchemaCheck.Errors("asff.schema.json", asffOutput));
        Assert.Empty(JsonSchemaCheck.Errors("ocsf-detection-finding-2004.schema.json", ocsfOutput));
    }

    [Fact]
    public void Sarif_carries_the_name_in_the_results_properties()
    {
        using var sarif = JsonDocument.Parse(Golden.Write(new SarifReportWriter(), FailingIn("prod")));
        using var unnamed = JsonDocument.Parse(Golden.Write(new SarifReportWriter(), FailingIn(null)));

        Assert.Equal("prod", sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("properties").GetProperty("accountName").GetString());
        Assert.False(unnamed.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("properties").TryGetProperty("accountName", out _));
    }

    [Fact]
    public void The_table_junit_and_html_show_the_account_as_its_id_and_name()
    {
        var table = new StringWriter();
        new TableReportWriter().Write(FailingIn("ops"), table);
        var unnamedTable = new StringWriter();
        new TableReportWriter().Write(FailingIn(null), unnamedTable);
        var junit = XDocument.Parse(Golden.Write(new JunitReportWriter(), FailingIn(HostileName)));
        var html = Golden.Write(new HtmlReportWriter(), FailingIn(HostileName));

        Assert.Contains($"{Named} (ops) eu-west-1", table.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{Named} eu-west-1", unnamedTable.ToString(), StringComparison.Ordinal);
        Assert.Contains(junit.Descendants("failure"), failure => failure.Value.Contains($"({Named} ({HostileName}) eu-west-1)", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert(7)", html, StringComparison.Ordinal);
        Assert.Contains($"{Named} (&lt;script&gt;alert(7)&lt;/script&gt;) eu-west-1", html, StringComparison.Ordinal);
    }

    // One failing finding of a live cluster in the named account, under this name (none: a scan of one account).
    private static ScanReport FailingIn(string? name)
    {
        var sample = SampleReport.Create();
        var failing = sample.Findings.First(finding => finding.Status == ResultStatus.Fail);
        return sample with { Findings = [failing with { Resource = failing.Resource with { Location = null, Declaration = null, Account = Named, AccountName = name } }] };
    }
}
