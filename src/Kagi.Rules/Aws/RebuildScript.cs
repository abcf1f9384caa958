using System.Text;
using Kagi.Core.Findings;

namespace Kagi.Rules.Aws;

/// <summary>The pieces a rebuild's AWS CLI parts are made of: each value one shell word, each comment one line.</summary>
internal static class RebuildScript
{
    private const string NextOption = " \\\n  ";

    public static string Command(string head, IEnumerable<string> options) => string.Join(NextOption, options.Prepend(head));

    public static string Lines(IEnumerable<string> commands) => string.Concat(commands.Select(command => command + "\n"));

    public static string[] Option(string option, string? value) => value is null ? [] : [$"{option} {Placeholders.ShellWord(value)}"];

    public static string[] Switch(string option, bool? on) => on switch
    {
        true => [option],
        false => [$"--no-{option[2..]}"],
        null => [],
    };

    public static string Words(string option, IEnumerable<string> values) => string.Join(' ', values.Select(Placeholders.ShellWord).Prepend(option));

    // A comment line whatever the text holds: a line break or a terminal control would end the comment or reach the terminal.
    public static string Comment(string text)
    {
        var safe = new StringBuilder(text.Length + 2).Append("# ");
        foreach (var c in text)
        {
            safe.Append(char.IsControl(c) || TerminalText.IsUnsafe(c) ? ' ' : c);
        }

        return safe.ToString();
    }
}
