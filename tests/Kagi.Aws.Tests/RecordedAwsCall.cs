using System.Diagnostics;

namespace Kagi.Aws.Tests;

/// <summary>
/// One <c>aws</c> call a printed script made, as a recording <c>aws</c> wrote it: each argument NUL-terminated, each call
/// ended by a record separator.
/// </summary>
internal sealed record RecordedAwsCall(string[] Arguments)
{
    public string Service => Arguments[0];

    /// <summary>
    /// Runs a printed script by bash with every <c>aws</c> call recorded, given <paramref name="environment"/>, and returns the
    /// calls; every call answers "available", so a wait goes on and a key check compares two equal answers.
    /// </summary>
    public static List<RecordedAwsCall> Run(string script, IReadOnlyDictionary<string, string> environment)
    {
        var folder = Directory.CreateTempSubdirectory("kagi-recorded-aws-").FullName;
        try
        {
            var calls = Path.Combine(folder, "calls");
            var stub = $"aws() {{ printf '%s\\0' \"$@\" >> '{calls}'; printf '\\036' >> '{calls}'; echo available; }}\n";
            var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c", stub + script]) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var bash = Process.Start(start)!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var error = bash.StandardError.ReadToEnd();
            Assert.True(bash.WaitForExit(TimeSpan.FromSeconds(30)), "bash did not finish");
            _ = output.Result;
            Assert.True(bash.ExitCode == 0 && error.Length == 0, $"bash failed ({bash.ExitCode}): {error}\n--- script ---\n{script}");
            return File.Exists(calls) ? Parse(File.ReadAllText(calls)) : [];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The calls a recording holds.</summary>
    public static List<RecordedAwsCall> Parse(string recorded) =>
        [.. recorded.Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Select(call => new RecordedAwsCall(call.TrimEnd('\0').Split('\0')))];

    public bool Is(string service, string operation) => Arguments.Length > 1 && Arguments[0] == service && Arguments[1] == operation;

    /// <summary>The value after an option; null when the call has no such option.</summary>
    public string? Option(string name) => Array.IndexOf(Arguments, name) is >= 0 and var at && at + 1 < Arguments.Length ? Arguments[at + 1] : null;

    /// <summary>The values after an option, up to the next option.</summary>
    public string[] Options(string name) =>
        [.. Arguments.SkipWhile(argument => argument != name).Skip(1).TakeWhile(argument => !argument.StartsWith("--", StringComparison.Ordinal))];

    /// <summary>
    /// Each option of each call of <paramref name="service"/> that the operation's input in botocore's model (which the
    /// AWS CLI parses by) lacks; a waiter's options are those of the Describe call it repeats.
    /// </summary>
    public static List<string> UnknownOptions(string service, IEnumerable<RecordedAwsCall> calls)
    {
        const string Check = """
            import sys, botocore.session
            from botocore import xform_name
            model = botocore.session.get_session().get_service_model(sys.argv[1])
            operations = {xform_name(name, "-"): name for name in model.operation_names}
            common = {"--region", "--query", "--output"}
            for line in sys.stdin.read().split("\x1e"):
                if not line:
                    continue
                words = line.split("\0")
                if words[0] == "wait":
                    continue
                shape = model.operation_model(operations[words[0]]).input_shape
                options = {"--" + xform_name(member, "-") for member in shape.members}
                options |= {"--no-" + xform_name(member, "-") for member, target in shape.members.items() if target.type_name == "boolean"}
                print("\n".join(f"{words[0]} {word}" for word in words[1:] if word.startswith("--") and word not in options | common))
            """;
        var start = new ProcessStartInfo("python3", ["-c", Check, service]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = Process.Start(start)!;
        python.StandardInput.Write(string.Join('\u001e', calls.Where(call => call.Service == service).Select(call => string.Join('\0', call.Arguments.Skip(1)))));
        python.StandardInput.Close();
        var unknown = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error);
        return [.. unknown.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
