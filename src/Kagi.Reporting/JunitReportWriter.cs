using System.Globalization;
using System.Text;
using System.Xml;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// JUnit XML for CI dashboards: one test suite per rule, one test case per rule and resource;
/// FAIL is a failure, ERROR an error, MUTED and UNKNOWN are skipped with their reason.
/// </summary>
public sealed class JunitReportWriter : IReportWriter
{
    public string Format => "junit";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // The declaration is written by hand: XmlWriter would name the TextWriter's encoding (UTF-16 for a StringWriter).
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(output, settings))
        {
            var time = Seconds(report.FinishedAt - report.StartedAt);
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"Kagi {report.Source.ToString().ToLowerInvariant()} scan");
            xml.WriteAttributeString("tests", Count(report.Verdicts.Count));
            xml.WriteAttributeString("failures", Count(report.Count(ResultStatus.Fail)));
            xml.WriteAttributeString("errors", Count(report.Count(ResultStatus.Error)));
            xml.WriteAttributeString("time", time);
            // Each suite's counts come first, so they are counted before its cases are written, one at a time.
            var verdicts = report.Verdicts;
            var counts = SuiteCounts(verdicts);
            string? suite = null;
            foreach (var index in FindingOrder.ByRuleThenResource(verdicts))
            {
                var rule = verdicts.RuleAt(index);
                if (rule.Id != suite)
                {
                    if (suite is not null)
                    {
                        xml.WriteEndElement();
                    }

                    StartSuite(xml, rule, counts[rule.Id], report);
                    suite = rule.Id;
                }

                WriteCase(xml, verdicts[index], report.Language);
            }

            if (suite is not null)
            {
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        output.Write('\n');
    }

    // Per rule, its cases and how many fail, err and are skipped.
    private static Dictionary<string, SuiteCount> SuiteCounts(VerdictSet verdicts)
    {
        var counts = new Dictionary<string, SuiteCount>(StringComparer.Ordinal);
        for (var index = 0; index < verdicts.Count; index++)
        {
            var status = verdicts.StatusAt(index);
            var id = verdicts.RuleAt(index).Id;
            var count = counts.GetValueOrDefault(id);
            counts[id] = new SuiteCount(
                count.Tests + 1,
                count.Failures + (status == ResultStatus.Fail ? 1 : 0),
                count.Errors + (status == ResultStatus.Error ? 1 : 0),
                count.Skipped + (status is ResultStatus.Muted or ResultStatus.Unknown ? 1 : 0));
        }

        return counts;
    }

    /// <summary>Opens one rule's suite with its counts; its cases follow, each finding built as it is written.</summary>
    private static void StartSuite(XmlWriter xml, RuleMetadata rule, SuiteCount count, ScanReport report)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", rule.Id);
        xml.WriteAttributeString("tests", Count(count.Tests));
        xml.WriteAttributeString("failures", Count(count.Failures));
        xml.WriteAttributeString("errors", Count(count.Errors));
        xml.WriteAttributeString("skipped", Count(count.Skipped));
        xml.WriteAttributeString("time", "0");
        xml.WriteAttributeString("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteStartElement("properties");
        Property(xml, "severity", rule.Severity.ToName());
        Property(xml, "service", rule.Service);
        Property(xml, "title", rule.Title.Get(report.Language));
        xml.WriteEndElement();
    }

    private readonly record struct SuiteCount(int Tests, int Failures, int Errors, int Skipped);

    private static void WriteCase(XmlWriter xml, Finding finding, Language language)
    {
        var text = FindingText.Render(finding, language);
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(finding.Resource.Id));
        xml.WriteAttributeString("classname", $"kagi.{finding.Rule.Service}.{finding.Rule.Id}");
        xml.WriteAttributeString("time", "0");
        var element = finding.Status switch
        {
            ResultStatus.Fail => "failure",
            ResultStatus.Error => "error",
            ResultStatus.Muted or ResultStatus.Unknown => "skipped",
            _ => null,
        };
        if (element is not null)
        {
            xml.WriteStartElement(element);
            xml.WriteAttributeString("message", Clean(text.Message));
            xml.WriteAttributeString("type", finding.Status == ResultStatus.Fail ? finding.Severity.ToName() : finding.Status.ToName());
            if (finding.Status != ResultStatus.Muted)
            {
                xml.WriteString(Clean(Details(finding, text, language)));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Details(Finding finding, FindingText text, Language language)
    {
        var where = ResourcePlace.Of(finding.Resource);
        var details = new StringBuilder();
        details.Append(CultureInfo.InvariantCulture, $"{finding.Resource.Id} ({where})\n");
        if (ResourceTags.Joined(finding.Resource.Tags) is { Length: > 0 } tags)
        {
            details.Append(CultureInfo.InvariantCulture, $"{Texts.Get(language, "reports.tags")}: {tags}\n");
        }

        details.Append(CultureInfo.InvariantCulture, $"{text.Message}\n{Texts.Get(language, "reports.fingerprint")}: {finding.Fingerprint}\n");
        if (finding.Status == ResultStatus.Fail)
        {
            var fix = text.CodeFix(ResourceSources.Of(finding.Resource));
            details.Append(CultureInfo.InvariantCulture, $"\n{fix.Medium.Label.En}:\n{fix.Text.TrimEnd()}\n");
        }

        return details.ToString();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    // A tag value may hold characters XML 1.0 cannot carry at all; they become U+FFFD instead of breaking the file.
    private static string Clean(string text) =>
        string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) =>
        Math.Max(0, duration.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
}
