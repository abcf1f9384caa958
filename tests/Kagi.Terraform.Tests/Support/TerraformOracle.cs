using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kagi.Terraform.Tests.Support;

/// <summary>
/// Terraform itself (the <c>terraform</c> on the PATH, 1.11 in CI) as the oracle for the evaluator: with no providers
/// it evaluates expressions offline. Many expressions are evaluated in one <c>terraform console</c> run, each as
/// <c>try(jsonencode(EXPRESSION), "…error…")</c>, so a case costs microseconds rather than a process.
/// </summary>
internal static class TerraformOracle
{
    /// <summary>What Terraform gives for an expression it rejects.</summary>
    public const string Error = "<terraform error>";

    /// <summary>Each expression's value as Terraform's <c>jsonencode</c> writes it, or <see cref="Error"/>.</summary>
    public static IReadOnlyList<string> EvaluateAsJson(IReadOnlyList<string> expressions)
    {
        using var directory = new TempDirectory();
        var locals = new StringBuilder("locals {\n  results = [\n");
        foreach (var expression in expressions)
        {
            locals.Append(CultureInfo.InvariantCulture, $"    try(jsonencode({expression}), \"{Error}\"),\n");
        }

        directory.Write("main.tf", locals.Append("  ]\n}\n").ToString());
        directory.Write("empty.tfrc", string.Empty);
        var output = Run(directory.Path, "jsonencode(local.results)\n");
        var results = JsonSerializer.Deserialize<List<string>>(HclString(output.Trim()))!;
        Assert.Equal(expressions.Count, results.Count);
        return results;
    }

    private static string Run(string directory, string input)
    {
        var start = new ProcessStartInfo("terraform", ["console", "-no-color"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TF_CLI_CONFIG_FILE"] = Path.Combine(directory, "empty.tfrc"), ["CHECKPOINT_DISABLE"] = "1", ["TF_IN_AUTOMATION"] = "1" },
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Assert.Fail($"terraform is not on the PATH ({error.Message}); .ci/run installs it: the evaluator's oracle must run");
            throw;
        }

        using (process)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "terraform console did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, $"terraform console failed: {stderr.Result}");
            return stdout.Result;
        }
    }

    // terraform console prints a string as an HCL quoted string: JSON's escapes, plus $${ and %%{ for template sequences.
    private static string HclString(string quoted)
    {
        Assert.True(quoted.StartsWith('"') && quoted.EndsWith('"'), $"terraform console printed no string: {quoted[..Math.Min(200, quoted.Length)]}");
        var json = quoted.Replace("$${", "${", StringComparison.Ordinal).Replace("%%{", "%{", StringComparison.Ordinal);
        return JsonSerializer.Deserialize<string>(json)!;
    }
}
