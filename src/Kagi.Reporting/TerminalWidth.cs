using System.Globalization;

namespace Kagi.Reporting;

/// <summary>
/// How many columns the table is drawn in: <c>COLUMNS</c> when set (shells and pagers set it), else the terminal's width
/// — also when standard output is piped into <c>less</c> or <c>grep</c> — else 132, for a file or a log with no terminal.
/// </summary>
public static class TerminalWidth
{
    /// <summary>Without a terminal: wide enough for a key ARN on one line.</summary>
    public const int WithoutTerminal = 132;

    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="terminal">The terminal's width, or null where there is none.</param>
    public static int Of(Func<string, string?> environment, Func<int?> terminal)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(terminal);
        return int.TryParse(environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0 ? columns
            : terminal() is > 0 and var width ? width
            : WithoutTerminal;
    }

    /// <summary>
    /// The width of the terminal the process runs in, read even when standard output is piped; null when no standard
    /// stream is a terminal (a CI job), where .NET would answer with the terminfo default of <c>TERM</c>, not a width.
    /// </summary>
    public static int? Terminal()
    {
        if (Console.IsOutputRedirected && Console.IsErrorRedirected && Console.IsInputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
