namespace Kagi.Cli.Tests;

/// <summary>Runs the command line in-process, as a user would type it, and captures what it prints.</summary>
internal static class Kagi
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KagiCommandLine.Run(WithoutStore(args), output, error, TimeProvider.System);
        return (exitCode, output.ToString(), error.ToString());
    }

    // These tests scan many times in parallel: they must never write into the developer's ~/.kagi (or a KAGI_STORE
    // they happen to have set). The store has its own tests, in Kagi.Store.Tests.
    private static string[] WithoutStore(string[] args) =>
        args is ["scan", ..] && !args.Contains("--store") && !args.Contains("--no-store") ? [.. args, "--no-store"] : args;
}
