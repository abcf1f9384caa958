using System.Text;

namespace Kagi.Reporting;

/// <summary>Markdown building blocks shared by the PR-comment report and SARIF rule help.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Makes any text inert in GitHub-flavoured Markdown, in table cells and inside HTML such as &lt;summary&gt;:
    /// every character HTML or Markdown gives meaning to is written as an entity.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' or '\'' or '|' or '`' or '*' or '_' or '[' or ']' or '\\' or '~' or '#' or '!' => $"&#{(int)c};",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run inside, so the code cannot close it.</summary>
    public static string Fence(string code, string info)
    {
        ArgumentNullException.ThrowIfNull(code);
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{info}\n{code.TrimEnd('\n', '\r')}\n{fence}\n";
    }
}
