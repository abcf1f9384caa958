using System.Diagnostics;

namespace Kagi.Cli.Tests;

/// <summary>
/// Runs the command line as a user would type it, and captures what it prints: in-process, or — when
/// <see cref="BinaryVariable"/> names a published binary (the Native AOT build) — as that program, so that the same
/// tests hold for either build.
/// </summary>
internal static class Kagi
{
    public const string BinaryVariable = "KAGI_TEST_BINARY";

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } binary)
        {
            return RunBinary(binary, WithoutStore(args));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KagiCommandLine.Run(WithoutStore(args), output, error, TimeProvider.System);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static (int ExitCode, string Output, string Error) RunBinary(string binary, string[] args)
    {
        var start = new ProcessStartInfo(binary, args) { RedirectStandardOutput = true, RedirectStandardError = true };

        // As the in-process run: no terminal width from the test machine's environment, and never the developer's store.
        start.Environment.Remove("COLUMNS");
        start.Environment.Remove("KAGI_STORE");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{binary} {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    // These tests scan many times in parallel: they must never write into the developer's ~/.kagi (or a KAGI_STORE
    // they happen to have set). The store has its own tests, in Kagi.Store.Tests.
    private static string[] WithoutStore(string[] args) =>
        args is ["scan", ..] && !args.Contains("--store") && !args.Contains("--no-store") ? [.. args, "--no-store"] : args;
}
