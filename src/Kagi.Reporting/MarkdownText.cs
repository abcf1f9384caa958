using System.Text;
using System.Text.RegularExpressions;

namespace Kagi.Reporting;

/// <summary>Markdown building blocks shared by the PR-comment report and SARIF rule help.</summary>
internal static partial class MarkdownText
{
    // Invisible, and not a word character: "@\u2060someone" is no mention, "https:\u2060//" and "w\u2060ww." no link.
    private const string WordJoiner = "\u2060";

    /// <summary>
    /// Makes any text inert in GitHub-flavoured Markdown, in table cells and inside HTML such as &lt;summary&gt;:
    /// every character HTML or Markdown gives meaning to is written as an entity, and what GitHub would turn into a
    /// mention, an issue reference or a link (<c>@someone</c>, <c>#12</c>, <c>https://</c>, <c>www.</c>, <c>mailto:</c>)
    /// is broken by an invisible word joiner. Entities alone do not do that: GitHub finds mentions in the rendered text.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length);
        foreach (var c in Linkable().Replace(text, match => match.Value[0] + WordJoiner + match.Value[1..]))
        {
            encoded.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' or '\'' or '|' or '`' or '*' or '_' or '[' or ']' or '\\' or '~' or '#' or '!' => $"&#{(int)c};",
                '\r' or '\n' or '\t' => " ",

                // A terminal escape or other control character would act on whoever cats the file.
                _ when char.IsControl(c) => "\uFFFD",
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

    // What a Markdown renderer or GitHub links by itself: mentions, issue references, URL schemes and bare www. hosts.
    [GeneratedRegex(@"[@#]|://|\bwww\.|\b(?:mailto|tel|xmpp):", RegexOptions.IgnoreCase)]
    private static partial Regex Linkable();
}
