namespace Kagi.Cli.Tests;

/// <summary>Runs the command line in-process, as a user would type it, and captures what it prints.</summary>
internal static class Kagi
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KagiCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
