namespace Kagi.Reporting.Tests;

/// <summary>Compares output with its golden file; KAGI_UPDATE_GOLDEN=1 rewrites the file instead.</summary>
internal static class Golden
{
    public static void Assert(string name, string actual)
    {
        var path = Path.Combine(SampleReport.GoldenDirectory(), name);
        if (Environment.GetEnvironmentVariable("KAGI_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Xunit.Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with KAGI_UPDATE_GOLDEN=1 and review it");
        // Read as bytes: File.ReadAllText would drop a byte order mark that is part of the expected output.
        Xunit.Assert.Equal(System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path)), actual);
    }

    public static string Write(IReportWriter writer, Kagi.Core.Findings.ScanReport report)
    {
        using var output = new StringWriter();
        writer.Write(report, output);
        return output.ToString();
    }
}
