using System.Globalization;
using System.Text;

namespace Kagi.Core.Findings;

/// <summary>
/// Makes a value from the cloud or the code safe to print on a terminal. Control characters (C0, DEL, C1) would let a
/// resource name or a mute reason move the cursor, retitle the window, rewrite what was printed before it or hide
/// text (ESC, OSC, BEL, CR); bidirectional overrides and line separators would reorder or break what is shown. Each
/// such character is written as a visible escape instead: <c>\x1b</c>, <c>\r</c>, <c>\u202e</c>. A backslash is left
/// as it is, so a name that spells <c>\x1b</c> itself reads the same as an escaped ESC: the terminal is safe either way.
/// </summary>
public static class TerminalText
{
    /// <summary>For one line (a cell, a name, a message on one line): every control character is escaped, line breaks and tabs too.</summary>
    public static string Line(string value) => Escape(value, keepLayout: false);

    /// <summary>For a block of several lines whose line breaks and tabs are the layout (remediation steps): those stay, the rest is escaped.</summary>
    public static string Block(string value) => Escape(value, keepLayout: true);

    private static string Escape(string value, bool keepLayout)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(c => IsUnsafe(c, keepLayout)))
        {
            return value;
        }

        var safe = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (!IsUnsafe(c, keepLayout))
            {
                safe.Append(c);
                continue;
            }

            safe.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
            });
        }

        return safe.ToString();
    }

    /// <summary>A character that must never reach a terminal raw, in any context.</summary>
    public static bool IsUnsafe(char c) => IsUnsafe(c, keepLayout: false);

    private static bool IsUnsafe(char c, bool keepLayout) =>
        (char.IsControl(c) && !(keepLayout && c is '\n' or '\t'))
        || c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';
}
