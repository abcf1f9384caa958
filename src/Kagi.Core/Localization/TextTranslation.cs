using System.Text;
using System.Text.RegularExpressions;
using Kagi.Core.Rules;

namespace Kagi.Core.Localization;

/// <summary>
/// Translates a text that was produced in English from a catalogue entry back into another language — the way gettext
/// keys a message by its English text. Reasons (why a value is unknown, why a call failed) travel through findings,
/// stores and JSON in English, the one canonical form scripts read; a person reading <c>--lang ja</c> gets them
/// translated at the moment they are shown. An argument that is itself a catalogue text (a nested reason) is
/// translated too; a text no entry produced is returned as it is.
/// </summary>
public static class TextTranslation
{
    /// <summary>The catalogue areas whose entries are produced in English and translated on display.</summary>
    public static IReadOnlyList<string> CanonicalAreas { get; } = ["reasons"];

    private const int MaxNesting = 8;

    /// <summary>Longer texts are shown as they are: matching them against every pattern could take too long.</summary>
    private const int MaxLength = 4096;

    private static readonly Lazy<IReadOnlyList<Pattern>> Patterns = new(Compile);

    public static string Translate(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return language == Language.En ? text : Translate(text, language, MaxNesting);
    }

    private static string Translate(string text, Language language, int depth)
    {
        if (depth == 0 || text.Length > MaxLength)
        {
            return text;
        }

        foreach (var pattern in Patterns.Value)
        {
            if (pattern.Match(text) is not { Success: true } match)
            {
                continue;
            }

            var translated = new StringBuilder(pattern.Target(language));
            foreach (var argument in pattern.Arguments)
            {
                translated.Replace($"{{{argument}}}", Translate(match.Groups[argument].Value, language, depth - 1));
            }

            return translated.ToString();
        }

        return text;
    }

    private static List<Pattern> Compile() =>
        [.. Texts.Entries
            .Where(entry => CanonicalAreas.Any(area => entry.Key.StartsWith(area + ".", StringComparison.Ordinal)))
            .Select(entry => Pattern.From(entry.Value))
            // The most specific first, so that "KMS {call} failed: {reason}" is not read as a shorter pattern's argument.
            .OrderByDescending(pattern => pattern.LiteralLength)];

    private sealed record Pattern(Regex English, IReadOnlyList<string> Arguments, int LiteralLength, LocalizedText Text)
    {
        public string Target(Language language) => Text.Get(language);

        public Match? Match(string text)
        {
            try
            {
                return English.Match(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        public static Pattern From(LocalizedText text)
        {
            var expression = new StringBuilder("^");
            var arguments = new List<string>();
            var literalLength = 0;
            var position = 0;
            foreach (Match argument in Texts.Argument().Matches(text.En))
            {
                var literal = text.En[position..argument.Index];
                literalLength += literal.Length;
                expression.Append(Regex.Escape(literal));
                var name = argument.Groups[1].Value;
                expression.Append(arguments.Contains(name) ? $@"\k<{name}>" : $"(?<{name}>.+?)");
                arguments.Add(name);
                position = argument.Index + argument.Length;
            }

            literalLength += text.En.Length - position;
            expression.Append(Regex.Escape(text.En[position..])).Append('$');
            return new Pattern(
                new Regex(expression.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
                [.. arguments.Distinct(StringComparer.Ordinal)],
                literalLength,
                text);
        }
    }

}
