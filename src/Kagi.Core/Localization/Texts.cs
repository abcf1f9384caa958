using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Kagi.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace Kagi.Core.Localization;

/// <summary>
/// The localisation catalogue: every user-facing string outside rule metadata, in every language Kagi speaks.
/// Entries live in <c>Localization/Texts/&lt;area&gt;.yaml</c> and are named <c>&lt;area&gt;.&lt;key&gt;</c>;
/// <c>{name}</c> marks an argument.
/// </summary>
public static partial class Texts
{
    private static readonly Lazy<IReadOnlyDictionary<string, LocalizedText>> Catalog = new(Load);

    /// <summary>Every entry, by name.</summary>
    public static IReadOnlyDictionary<string, LocalizedText> Entries => Catalog.Value;

    /// <summary>The entry <paramref name="name"/> in <paramref name="language"/>, its arguments filled in.</summary>
    /// <exception cref="KeyNotFoundException">No such entry: a programming error, caught by the catalogue tests.</exception>
    public static string Get(Language language, string name, params (string Name, object? Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Catalog.Value.TryGetValue(name, out var text))
        {
            throw new KeyNotFoundException($"The text catalogue has no entry '{name}'.");
        }

        return Fill(text.Get(language), arguments);
    }

    /// <summary>
    /// A catalogue name kept in a table and asked for later: marked so that the catalogue's test sees it used. An unknown
    /// name fails when the table is built, not when a text is first asked for.
    /// </summary>
    public static string Name(string name) =>
        Entries.ContainsKey(name) ? name : throw new KeyNotFoundException($"no text named '{name}' in the catalogue");

    /// <summary>The entry in every language, for a value that is chosen later (a label of a remediation medium).</summary>
    public static LocalizedText Both(string name) => new(Get(Language.En, name), Get(Language.Ja, name));

    /// <summary>
    /// The entry in English, the canonical form of texts that travel in findings and stores (reasons) and are
    /// translated when shown (<see cref="TextTranslation"/>).
    /// </summary>
    public static string Canonical(string name, params (string Name, object? Value)[] arguments) => Get(Language.En, name, arguments);

    /// <summary>The argument names an entry's text uses, e.g. <c>{region}</c> → <c>region</c>.</summary>
    public static IReadOnlySet<string> ArgumentNames(string text) =>
        Argument().Matches(text).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    // A hand-written scan rather than Regex.Replace: every finding's reason and fix is filled here, and the regex was
    // the largest single cost of a Terraform scan's profile. Same grammar as Argument(): {name}, name = [A-Za-z][A-Za-z0-9]*;
    // a name with no argument is left as written.
    private static string Fill(string text, (string Name, object? Value)[] arguments)
    {
        if (arguments.Length == 0 || !text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var filled = new StringBuilder(text.Length + 64);
        var rest = text.AsSpan();
        while (rest.IndexOf('{') is var open and >= 0)
        {
            filled.Append(rest[..open]);
            rest = rest[open..];
            var length = ArgumentLength(rest);
            if (length > 0 && ValueOf(rest[1..(length - 1)], arguments) is { } value)
            {
                filled.Append(value);
                rest = rest[length..];
            }
            else
            {
                filled.Append('{');
                rest = rest[1..];
            }
        }

        return filled.Append(rest).ToString();
    }

    // The length of the "{name}" that starts the text, or 0 when it does not start with one.
    private static int ArgumentLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || !char.IsAsciiLetter(text[1]))
        {
            return 0;
        }

        var end = 2;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        return end < text.Length && text[end] == '}' ? end + 1 : 0;
    }

    private static string? ValueOf(ReadOnlySpan<char> name, (string Name, object? Value)[] arguments)
    {
        foreach (var (argumentName, value) in arguments)
        {
            if (name.SequenceEqual(argumentName))
            {
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        return null;
    }

    private static Dictionary<string, LocalizedText> Load()
    {
        var assembly = typeof(Texts).Assembly;
        var entries = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith("texts/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileNameWithoutExtension(resource["texts/".Length..]);
            foreach (var (key, text) in ReadArea(assembly, resource))
            {
                if (!entries.TryAdd($"{area}.{key}", text))
                {
                    throw new InvalidDataException($"{resource}: the entry '{key}' appears twice.");
                }
            }
        }

        return entries;
    }

    private static IEnumerable<(string Key, LocalizedText Text)> ReadArea(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var yaml = new YamlStream();
        yaml.Load(reader);
        if (yaml.Documents.Count == 0)
        {
            yield break;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{resource}: expected a mapping of entry names to texts.");
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            yield return (key, valueNode is YamlMappingNode languages
                ? new LocalizedText(Scalar(languages, "en", resource, key), Scalar(languages, "ja", resource, key))
                : throw new InvalidDataException($"{resource}: the entry '{key}' must map en and ja to texts."));
        }
    }

    private static string Scalar(YamlMappingNode languages, string language, string resource, string key) =>
        languages.Children.TryGetValue(new YamlScalarNode(language), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw new InvalidDataException($"{resource}: the entry '{key}' has no '{language}' text.");

    /// <summary>An argument in an entry's text: <c>{name}</c>.</summary>
    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}")]
    internal static partial Regex Argument();
}
