using System.Diagnostics;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Rules.Tests;

/// <summary>
/// A pasted fix never runs what a resource's name smuggles in: every rule's CLI text, with every placeholder set to a
/// hostile value, is run by bash with <c>aws</c> stubbed, and the hostile value arrives as one intact argument.
/// </summary>
public sealed partial class CliInjectionTests
{
    // Closes double quotes, single quotes, substitutes commands three ways, and breaks the line (out of a comment).
    private const string Hostile = "x\";touch \"$KAGI_PWNED\";\"'$(touch \"$KAGI_PWNED\")'`touch \"$KAGI_PWNED\"`\ntouch \"$KAGI_PWNED\" #";

    public static TheoryData<string, string, Language> Templates()
    {
        var data = new TheoryData<string, string, Language>();
        foreach (var entry in RuleCatalog.All)
        {
            foreach (var variant in entry.Metadata.Remediation.Cli.Variants.Keys)
            {
                data.Add(entry.Metadata.Id, variant, Language.En);
                data.Add(entry.Metadata.Id, variant, Language.Ja);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_hostile_value_in_any_placeholder_runs_nothing_and_reaches_aws_intact(string ruleId, string variant, Language language)
    {
        var template = RuleCatalog.Find(ruleId)!.Metadata.Remediation.Cli.Get(variant).Get(language);
        var names = PlaceholderName().Matches(template).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var script = Placeholders.Fill(template, names.ToDictionary(name => name, _ => Hostile, StringComparer.Ordinal), Placeholders.ShellWord);
        using var folder = new TempFolder();
        var pwned = Path.Combine(folder.Path, "pwned");
        var arguments = Path.Combine(folder.Path, "arguments");

        // Each argument of each aws call, NUL-terminated, so an argument holding a newline stays one argument.
        var stub = $"aws() {{ printf '%s\\0' \"$@\" >> {Placeholders.ShellWord(arguments)}; echo stub; }}\n";
        var run = Bash(stub + script, folder.Path, ("KAGI_PWNED", pwned));

        Assert.True(run.ExitCode == 0, $"bash failed ({run.ExitCode}): {run.Error}\n--- script ---\n{script}");
        Assert.False(File.Exists(pwned), $"the hostile value ran a command:\n{script}");
        if (names.Count > 0 && File.Exists(arguments))
        {
            var passed = File.ReadAllText(arguments).Split('\0');
            Assert.Contains(passed, argument => argument.Contains(Hostile, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_value_with_a_control_character_is_quoted_without_a_literal_line_break()
    {
        var quoted = Placeholders.ShellWord("a\nb\tc'd\\e");

        Assert.DoesNotContain('\n', quoted);
        Assert.Equal("$'a\\nb\\tc\\'d\\\\e'", quoted);
    }

    private static (int ExitCode, string Error) Bash(string script, string directory, (string Name, string Value) variable)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c", script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[variable.Name] = variable.Value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "bash did not finish");
        _ = output.Result;
        return (process.ExitCode, error.Result);
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex PlaceholderName();

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("kagi-cli-injection-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
