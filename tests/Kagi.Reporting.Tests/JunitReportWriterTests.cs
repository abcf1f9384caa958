using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Reporting.Tests;

public sealed class JunitReportWriterTests
{
    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.junit.xml.txt", Golden.Write(new JunitReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void Output_is_valid_against_the_junit_schema()
    {
        var errors = Validate(Golden.Write(new JunitReportWriter(), MixedReport.Create()));

        Assert.Empty(errors);
    }

    [Fact]
    public void The_schema_check_rejects_a_test_case_with_two_outcomes()
    {
        var errors = Validate("<testsuites><testsuite name=\"r\" tests=\"1\"><testcase name=\"x\"><failure/><error/></testcase></testsuite></testsuites>");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void One_suite_per_rule_and_one_case_per_resource_with_the_outcome_of_each_status()
    {
        var report = MixedReport.Create();
        var xml = XDocument.Parse(Golden.Write(new JunitReportWriter(), report));

        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(["neptune-cluster-cmk-encryption", "neptune-cluster-storage-encrypted"], suites.Select(s => (string?)s.Attribute("name")));
        Assert.Equal(report.Findings.Count, suites.Sum(s => s.Elements("testcase").Count()));
        var cases = suites[0].Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        Assert.NotNull(cases["aws_neptune_cluster.aws_managed"].Element("failure"));
        Assert.Contains("aws-managed", (string?)cases["aws_neptune_cluster.aws_managed"].Element("failure")!.Attribute("message"), StringComparison.Ordinal);
        Assert.NotNull(cases["arn:aws:rds:ap-northeast-1:111122223333:cluster:denied-graph"].Element("error"));
        Assert.Contains("migrating in Q3", (string?)cases["aws_neptune_cluster.accepted"].Element("skipped")!.Attribute("message"), StringComparison.Ordinal);
        Assert.NotNull(cases["aws_neptune_cluster.literal"].Element("skipped"));
        Assert.False(cases["aws_neptune_cluster.good"].HasElements);
        Assert.Equal(report.Count(Core.Rules.ResultStatus.Fail).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)xml.Root.Attribute("failures"));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_replaced_rather_than_breaking_the_file()
    {
        var report = SampleReport.Create();
        var bell = report with
        {
            Findings = [.. report.Findings.Select(f => f with { Resource = ((NeptuneCluster)f.Resource) with { Id = f.Resource.Id + "\u0007" } })],
        };

        var text = Golden.Write(new JunitReportWriter(), bell);

        Assert.Contains("aws_neptune_cluster.good\uFFFD", XDocument.Parse(text).Root!.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, RepoTools.SchemaPath("junit.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
