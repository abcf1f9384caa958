using System.Diagnostics;

namespace Kagi.Aws.Tests;

/// <summary>
/// A printed script run by bash with every <c>aws</c> call recorded instead of made, and the options of those calls that
/// botocore's model (which the AWS CLI parses by) lacks: for the fixes moto cannot run, or runs without doing what they ask.
/// </summary>
internal static class RecordedAws
{
    /// <summary>
    /// The script run with <paramref name="environment"/> and every aws call recorded (each argument NUL-terminated, each
    /// call ended by a record separator); every call answers "available", so a wait goes on and a key check compares two
    /// equal answers.
    /// </summary>
    public static List<AwsCall> Run(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("kagi-recorded-fix-").FullName;
        try
        {
            var calls = Path.Combine(folder, "calls");
            var stub = $"aws() {{ {Record(calls)}; echo available; }}\n";
            var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c", stub + script]) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            using var bash = Process.Start(start)!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var error = bash.StandardError.ReadToEnd();
            Assert.True(bash.WaitForExit(TimeSpan.FromSeconds(30)), "bash did not finish");
            _ = output.Result;
            Assert.True(bash.ExitCode == 0 && error.Length == 0, $"bash failed ({bash.ExitCode}): {error}\n--- script ---\n{script}");
            return Read(calls);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A bash line that appends the call's arguments to <paramref name="file"/> as the recording <c>aws</c> does.</summary>
    public static string Record(string file) => $"printf '%s\\0' \"$@\" >> '{file}'; printf '\\036' >> '{file}'";

    /// <summary>The calls recorded in <paramref name="file"/>, none when it was never written.</summary>
    public static List<AwsCall> Read(string file) => !File.Exists(file) ? []
        : [.. File.ReadAllText(file).Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Select(call => new AwsCall(call.TrimEnd('\0').Split('\0')))];

    /// <summary>
    /// Each option of each call to <paramref name="service"/> that the operation's input in botocore's model lacks; a
    /// waiter's options are those of the Describe call it repeats.
    /// </summary>
    public static List<string> UnknownOptions(IEnumerable<AwsCall> calls, string service)
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

/// <summary>One recorded aws call: the service, the operation (or <c>wait</c> and the waiter), then the options.</summary>
internal sealed record AwsCall(string[] Arguments)
{
    public string Service => Arguments[0];

    public bool Is(string service, string operation) => Arguments.Length > 1 && Arguments[0] == service && Arguments[1] == operation;

    /// <summary>The value after an option; null when the call has no such option.</summary>
    public string? Option(string name) => Array.IndexOf(Arguments, name) is >= 0 and var at && at + 1 < Arguments.Length ? Arguments[at + 1] : null;

    /// <summary>The values after an option, up to the next option.</summary>
    public string[] Options(string name) =>
        [.. Arguments.SkipWhile(argument => argument != name).Skip(1).TakeWhile(argument => !argument.StartsWith("--", StringComparison.Ordinal))];
}
