using System.Globalization;
using System.Text.RegularExpressions;
using Kagi.Core.Localization;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kagi.Terraform.Functions;

/// <summary>
/// <c>yamldecode</c> with Terraform's semantics (its go-cty-yaml resolver): one document; YAML 1.1 plain scalars
/// (<c>yes</c>/<c>on</c> are true, <c>0x1F</c> and <c>0o17</c> are numbers, dates become RFC 3339 strings); quoted
/// scalars are strings; mapping keys are scalars converted to strings; <c>&lt;&lt;</c> merges; aliases repeat a
/// value. The text is never quoted in an error: it may come from a sensitive variable.
/// </summary>
internal sealed partial class YamlDecoding
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    private const string StrTag = TagPrefix + "str";
    private const string BinaryTag = TagPrefix + "binary";
    private const string BoolTag = TagPrefix + "bool";
    private const string IntTag = TagPrefix + "int";
    private const string FloatTag = TagPrefix + "float";
    private const string NullTag = TagPrefix + "null";
    private const string TimestampTag = TagPrefix + "timestamp";
    private const string MapTag = TagPrefix + "map";
    private const string SeqTag = TagPrefix + "seq";
    private const string MergeTag = TagPrefix + "merge";

    private static readonly Dictionary<string, TfValue> Words = BuildWords();

    private readonly Dictionary<string, TfValue?> _anchors = new(StringComparer.Ordinal);
    private readonly EvaluationBudget _budget;
    private readonly Parser _parser;
    private long _elements;

    private YamlDecoding(string text, EvaluationBudget budget)
    {
        _budget = budget;
        _parser = new Parser(new StringReader(text));
    }

    public static TfValue Decode(string text, EvaluationBudget budget)
    {
        try
        {
            return new YamlDecoding(text, budget).Document();
        }
        catch (YamlException error)
        {
            throw new EvaluationException($"the string is not valid YAML (line {error.Start.Line}, column {error.Start.Column}): {FirstLine(error.Message)}");
        }
    }

    private TfValue Document()
    {
        Expect<StreamStart>("the start of the text");
        if (!_parser.MoveNext() || _parser.Current is not DocumentStart)
        {
            throw Error("missing start of document");
        }

        var value = Value(Next());
        if (Next() is not DocumentEnd)
        {
            throw Error("unexpected extra content after the value");
        }

        return Next() switch
        {
            StreamEnd => value,
            DocumentStart => throw Error("only a single document is allowed"),
            _ => throw Error("unexpected extra content after the value"),
        };
    }

    private TfValue Value(ParsingEvent parsingEvent) => parsingEvent switch
    {
        Scalar scalar => Anchored(scalar.Anchor, () => Resolve(scalar)),
        SequenceStart sequence => Anchored(sequence.Anchor, () => Sequence(sequence)),
        MappingStart mapping => Anchored(mapping.Anchor, () => Mapping(mapping)),
        AnchorAlias alias => Alias(alias),
        _ => throw Error($"expected a value, found {parsingEvent.GetType().Name}"),
    };

    private TfValue Anchored(AnchorName anchor, Func<TfValue> read)
    {
        if (anchor.IsEmpty)
        {
            return Count(read());
        }

        _anchors[anchor.Value] = null;
        var value = Count(read());
        _anchors[anchor.Value] = value;
        return value;
    }

    // Every value made, an alias's repeated elements included, counts against the collection limit: a small
    // text of nested aliases must not expand into billions of elements.
    private TfValue Count(TfValue value)
    {
        _elements += 1;
        _budget.CheckElements(_elements);
        return value;
    }

    private TfValue Alias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var value))
        {
            throw Error($"reference to undefined anchor \"{alias.Value.Value}\"");
        }

        if (value is null)
        {
            throw Error($"cannot refer to anchor \"{alias.Value.Value}\" from inside its own definition");
        }

        _elements += value.Size.Elements;
        _budget.CheckElements(_elements);
        return value;
    }

    private TfValue Sequence(SequenceStart start) => Nested(() => ReadSequence(start));

    private TfValue Mapping(MappingStart start) => Nested(() => ReadMapping(start));

    // Nesting is bounded like any expression's, so a deep "[[[[…" cannot exhaust the stack.
    private TfValue Nested(Func<TfValue> read)
    {
        _budget.Enter();
        try
        {
            return read();
        }
        finally
        {
            _budget.Leave();
        }
    }

    private TfSequence ReadSequence(SequenceStart start)
    {
        if (TagOf(start.Tag) is not ("" or SeqTag))
        {
            throw Error($"cannot read a sequence as {ShortTag(TagOf(start.Tag))}");
        }

        var items = new List<TfValue>();
        while (Next() is not SequenceEnd)
        {
            items.Add(Value(_parser.Current!));
        }

        return new TfSequence(items);
    }

    private TfObject ReadMapping(MappingStart start)
    {
        if (TagOf(start.Tag) is not ("" or MapTag))
        {
            throw Error($"cannot read a mapping as {ShortTag(TagOf(start.Tag))}");
        }

        var attributes = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        while (Next() is not MappingEnd)
        {
            var key = _parser.Current;
            if (key is Scalar merge && IsMergeKey(merge))
            {
                Merge(attributes, Value(Next()));
                continue;
            }

            if (key is not Scalar scalar)
            {
                throw Error("only strings are allowed as mapping keys");
            }

            var name = Resolve(scalar) switch
            {
                TfNull => throw Error("mapping key cannot be null"),
                TfUnknown unknown => throw Error(unknown.Reason),
                var resolved => ValueOps.TryString(resolved) ?? throw Error("only strings are allowed as mapping keys"),
            };
            attributes[name] = Value(Next());
        }

        return new TfObject(attributes);
    }

    private void Merge(Dictionary<string, TfValue> attributes, TfValue merged)
    {
        IEnumerable<TfValue> sources = merged is TfSequence sequence ? sequence.Items : [merged];
        foreach (var source in sources)
        {
            if (source is not TfObject map)
            {
                throw Error($"cannot merge a {source.TypeName} into a mapping");
            }

            foreach (var (name, value) in map.Attributes)
            {
                attributes[name] = value;
            }
        }
    }

    private static bool IsMergeKey(Scalar scalar) =>
        (TagOf(scalar.Tag).Length == 0 && scalar.Style == ScalarStyle.Plain && scalar.Value == "<<") || TagOf(scalar.Tag) == MergeTag;

    // The tag written on a node; empty when none was (the parser's non-specific "?" and "!" carry no name).
    private static string TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? string.Empty : tag.Value;

    private TfValue Resolve(Scalar scalar)
    {
        var tag = TagOf(scalar.Tag);
        var text = scalar.Value;
        if (tag is not ("" or StrTag or BoolTag or IntTag or FloatTag or NullTag or TimestampTag or BinaryTag))
        {
            throw Error($"unsupported tag \"{ShortTag(tag)}\"");
        }

        var hint = text.Length == 0 ? 'N' : Hint(text[0]);
        if (hint != '\0' && tag is not (StrTag or BinaryTag))
        {
            if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
            {
                return new TfString(text);
            }

            if (Words.TryGetValue(text, out var word))
            {
                return word;
            }

            if (tag.Length == 0 && text is ".nan" or ".NaN" or ".NAN")
            {
                throw Error("floating point NaN is not supported");
            }

            switch (hint)
            {
                case '.' when FloatLiteral().IsMatch(text):
                    return Number(text, tag);
                case 'D' or 'S':
                    if (tag is "" or TimestampTag && Timestamp(text) is { } timestamp)
                    {
                        return new TfString(timestamp);
                    }

                    if (IntegerLiteral().IsMatch(text))
                    {
                        tag = IntTag;
                    }
                    else if (FloatLiteral().IsMatch(text))
                    {
                        tag = FloatTag;
                    }

                    break;
            }
        }

        return tag switch
        {
            StrTag or "" => new TfString(text),
            BinaryTag => IsBase64(text) ? new TfString(text) : throw Error($"cannot read the value as {ShortTag(tag)}: not valid base64"),
            BoolTag => Words.TryGetValue(text, out var word) && word is TfBool ? word : throw Error($"cannot read the value as {ShortTag(tag)}"),
            IntTag or FloatTag => Number(text, tag),
            TimestampTag => Timestamp(text) is { } timestamp ? new TfString(timestamp) : throw Error($"cannot read the value as {ShortTag(tag)}"),
            _ => TfValue.Null,
        };
    }

    // The first character says what a plain scalar may be: a number (sign, digit, '.'), a word from the table, or a string.
    private static char Hint(char first) => first switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    private TfValue Number(string text, string tag)
    {
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (FloatLiteral().IsMatch(plain))
        {
            return decimal.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new TfNumber(number)
                : new TfUnknown(Texts.Canonical("reasons.number-out-of-range", ("number", plain.Length > 40 ? plain[..40] + "…" : plain)));
        }

        var negative = plain.StartsWith('-');
        var digits = plain.TrimStart('+', '-');
        var (radix, body) = digits switch
        {
            ['0', 'x' or 'X', .. var rest] => (16, rest),
            ['0', 'o' or 'O', .. var rest] => (8, rest),
            ['0', 'b' or 'B', .. var rest] => (2, rest),
            _ => (0, string.Empty),
        };
        if (radix == 0 || body.Length == 0 || body.Length > 64)
        {
            throw Error($"cannot read the value as {ShortTag(tag)}");
        }

        try
        {
            var value = Convert.ToUInt64(body, radix);
            return new TfNumber(negative ? -(decimal)value : value);
        }
        catch (Exception error) when (error is FormatException or OverflowException or ArgumentException)
        {
            throw Error($"cannot read the value as {ShortTag(tag)}");
        }
    }

    // A date, or a date and time: the forms YAML 1.1 calls timestamps, as Terraform writes them (RFC 3339, whole seconds).
    private static string? Timestamp(string text)
    {
        if (Date().Match(text) is { Success: true } date)
        {
            return Format(date);
        }

        return DateTime().Match(text) is { Success: true } dateTime ? Format(dateTime) : null;
    }

    private static string? Format(Match match)
    {
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"));
        if (month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var zone = match.Groups["z"].Value;
        var offset = zone is "" or "Z" ? "Z" : zone == "+00:00" || zone == "-00:00" ? "Z" : zone;
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{offset}");
    }

    private static bool IsBase64(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return compact.Length % 4 == 0 && Convert.TryFromBase64String(compact, new byte[compact.Length], out _);
    }

    private ParsingEvent Next()
    {
        if (!_parser.MoveNext())
        {
            throw Error("the text ends early");
        }

        return _parser.Current!;
    }

    private void Expect<T>(string what)
        where T : ParsingEvent
    {
        if (!_parser.MoveNext() || _parser.Current is not T)
        {
            throw Error($"expected {what}");
        }
    }

    private EvaluationException Error(string message) =>
        _parser.Current is { } current
            ? new EvaluationException($"yamldecode: line {current.Start.Line}, column {current.Start.Column}: {message}")
            : new EvaluationException($"yamldecode: {message}");

    private static string ShortTag(string tag) => tag.StartsWith(TagPrefix, StringComparison.Ordinal) ? "!!" + tag[TagPrefix.Length..] : tag;

    private static string FirstLine(string message) => message.Split('\n')[0];

    private static Dictionary<string, TfValue> BuildWords()
    {
        var words = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        foreach (var word in new[] { "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" })
        {
            words[word] = TfValue.True;
        }

        foreach (var word in new[] { "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" })
        {
            words[word] = TfValue.False;
        }

        foreach (var word in new[] { string.Empty, "~", "null", "Null", "NULL" })
        {
            words[word] = TfValue.Null;
        }

        // Terraform has infinities; Kagi's decimal numbers do not.
        foreach (var word in new[] { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF" })
        {
            words[word] = new TfUnknown(Texts.Canonical("reasons.number-out-of-range", ("number", word)));
        }

        return words;
    }

    [GeneratedRegex(@"\A([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z")]
    private static partial Regex IntegerLiteral();

    [GeneratedRegex(@"\A[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex FloatLiteral();

    [GeneratedRegex(@"\A(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})\z")]
    private static partial Regex Date();

    [GeneratedRegex(@"\A(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[Tt](?<h>[0-9]{1,2}):(?<mi>[0-9]{1,2}):(?<s>[0-9]{1,2})(?:\.[0-9]{1,9})?(?<z>Z|[+-][0-9]{2}:[0-9]{2})| (?<h>[0-9]{1,2}):(?<mi>[0-9]{1,2}):(?<s>[0-9]{1,2})(?:\.[0-9]{1,9})?)\z")]
    private static partial Regex DateTime();
}
