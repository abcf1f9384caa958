using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary>Terraform's string functions. Lengths and offsets count characters as a reader sees them (text elements).</summary>
internal static class StringFunctions
{
    // For Kagi's own patterns, which run in linear time; patterns from the code under review get the limit's timeout.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex Verb = new(@"\G%([-+ 0#]*)(\d*)(?:\.(\d+))?([a-zA-Z%])", RegexOptions.None, RegexTimeout);

    public static IEnumerable<KeyValuePair<string, TfFunction>> All { get; } =
    [
        new("format", new(1, TfFunction.Variadic, a => new TfString(Format(a.String(0, "the format"), a.Values.Skip(1).ToList(), a.Budget)))),
        new("join", new(2, TfFunction.Variadic, Join, KeepsOrigin: true)),
        new("split", new(2, 2, a => new TfSequence([.. a.String(1, "the string").Split(a.String(0, "the separator")).Select(s => new TfString(s))], SequenceKind.List))),
        new("lower", new(1, 1, a => new TfString(a.String(0, "the argument").ToLowerInvariant()))),
        new("upper", new(1, 1, a => new TfString(a.String(0, "the argument").ToUpperInvariant()))),
        new("trimspace", new(1, 1, a => new TfString(a.String(0, "the argument").Trim()))),
        new("startswith", new(2, 2, a => TfValue.Of(a.String(0, "the string").StartsWith(a.String(1, "the prefix"), StringComparison.Ordinal)))),
        new("endswith", new(2, 2, a => TfValue.Of(a.String(0, "the string").EndsWith(a.String(1, "the suffix"), StringComparison.Ordinal)))),
        new("replace", new(3, 3, a => new TfString(Replace(a.String(0, "the string"), a.String(1, "the search"), a.String(2, "the replacement"), a.Budget)))),
        new("substr", new(3, 3, a => new TfString(Substring(a.String(0, "the string"), a.Integer(1, "the offset"), a.Integer(2, "the length"))))),
        new("trimprefix", new(2, 2, a => new TfString(TrimPrefix(a.String(0, "the string"), a.String(1, "the prefix"))))),
        new("trimsuffix", new(2, 2, a => new TfString(TrimSuffix(a.String(0, "the string"), a.String(1, "the suffix"))))),
        new("trim", new(2, 2, a => new TfString(a.String(0, "the string").Trim(a.String(1, "the characters").ToCharArray())))),
        new("chomp", new(1, 1, a => new TfString(a.String(0, "the argument").TrimEnd('\r', '\n')))),
        new("title", new(1, 1, a => new TfString(Regex.Replace(a.String(0, "the argument"), @"\b\p{Ll}", m => m.Value.ToUpperInvariant(), RegexOptions.None, RegexTimeout)))),
        new("strrev", new(1, 1, a => new TfString(Reverse(a.String(0, "the argument"))))),
        new("strcontains", new(2, 2, a => TfValue.Of(a.String(0, "the string").Contains(a.String(1, "the substring"), StringComparison.Ordinal)))),
        new("basename", new(1, 1, a => new TfString(Path.GetFileName(a.String(0, "the path").TrimEnd('/'))))),
        new("dirname", new(1, 1, a => new TfString(Path.GetDirectoryName(a.String(0, "the path")) is { Length: > 0 } directory ? directory : "."))),
        new("tostring", new(1, 1, a => a[0] is TfNull ? a[0] : new TfString(ValueOps.TryString(a[0]) ?? throw new EvaluationException($"cannot convert a {a[0].TypeName} to a string")), KeepsOrigin: true)),
    ];

    private static string TrimPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;

    private static string TrimSuffix(string text, string suffix) =>
        text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;

    private static string Reverse(string text)
    {
        var info = new StringInfo(text);
        return string.Concat(Enumerable.Range(0, info.LengthInTextElements).Reverse().Select(i => info.SubstringByTextElements(i, 1)));
    }

    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    private static TfString Join(FunctionArgs args)
    {
        var separator = args.String(0, "the separator");
        var items = args.Values.Skip(1).SelectMany(list => ValueOps.ExpectSequence(list, "a joined list")).Select(item => ValueOps.ExpectString(item, "a joined element")).ToList();
        args.Budget.CheckLength(items.Sum(item => (long)item.Length + separator.Length));
        return new TfString(string.Join(separator, items));
    }

    // A search string written /like this/ is a regular expression; $1 in the replacement refers to its groups.
    // The result's length is known (or counted match by match) before it is built.
    private static string Replace(string text, string search, string replacement, EvaluationBudget budget)
    {
        if (search.Length > 1 && search.StartsWith('/') && search.EndsWith('/'))
        {
            var pattern = new Regex(search[1..^1], RegexOptions.None, budget.Limits.RegexTimeout);
            var length = (long)text.Length;
            return budget.TimeRegex(() => pattern.Replace(text, match =>
            {
                var replaced = match.Result(replacement);
                length += replaced.Length - match.Length;
                budget.CheckLength(length);
                return replaced;
            }));
        }

        if (search.Length > 0 && replacement.Length > search.Length)
        {
            var occurrences = 0L;
            for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
            {
                occurrences++;
            }

            budget.CheckLength(text.Length + (occurrences * (replacement.Length - search.Length)));
        }

        return text.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static string Substring(string text, int offset, int length)
    {
        var info = new StringInfo(text);
        var total = info.LengthInTextElements;
        if (offset < 0)
        {
            offset += total;
        }

        offset = Math.Clamp(offset, 0, total);
        length = length < 0 ? total - offset : Math.Min(length, total - offset);
        return info.SubstringByTextElements(offset, length);
    }

    // Go-style verbs, as Terraform's format(): %s %d %f %t %v %q %%, with flags, width and precision.
    private static string Format(string format, List<TfValue> values, EvaluationBudget budget)
    {
        var output = new StringBuilder();
        var next = 0;
        var i = 0;
        while (i < format.Length)
        {
            if (format[i] != '%')
            {
                output.Append(format[i++]);
                continue;
            }

            var match = Verb.Match(format, i);
            if (!match.Success)
            {
                throw new EvaluationException("the format string ends in the middle of a verb");
            }

            i += match.Length;
            var verb = match.Groups[4].Value[0];
            if (verb == '%')
            {
                output.Append('%');
                continue;
            }

            if (next >= values.Count)
            {
                throw new EvaluationException($"not enough arguments for the verb %{verb}");
            }

            var flags = match.Groups[1].Value;
            var precision = match.Groups[3].Success ? Bounded(match.Groups[3].Value, budget) : (int?)null;
            var text = FormatVerb(verb, values[next++], precision);
            var width = match.Groups[2].Length > 0 ? Bounded(match.Groups[2].Value, budget) : 0;
            budget.CheckLength((long)output.Length + Math.Max(width, text.Length));
            output.Append(flags.Contains('-', StringComparison.Ordinal) ? text.PadRight(width)
                : flags.Contains('0', StringComparison.Ordinal) ? text.PadLeft(width, '0')
                : text.PadLeft(width));
        }

        return output.ToString();
    }

    // A width or precision asks for that many characters: more than a string may hold is the string limit.
    private static int Bounded(string digits, EvaluationBudget budget)
    {
        var value = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : long.MaxValue;
        budget.CheckLength(value);
        return (int)value;
    }

    private static string FormatVerb(char verb, TfValue value, int? precision) => verb switch
    {
        's' => ValueOps.ExpectString(value, "a %s argument"),
        'd' => decimal.Truncate(ValueOps.ExpectNumber(value, "a %d argument")).ToString(CultureInfo.InvariantCulture),
        'f' => ValueOps.ExpectNumber(value, "a %f argument").ToString("F" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        't' => ValueOps.ExpectBool(value, "a %t argument") ? "true" : "false",
        'q' => JsonValues.ToJson(new TfString(ValueOps.ExpectString(value, "a %q argument"))),
        'v' => ValueOps.TryString(value) ?? JsonValues.ToJson(value),
        'b' or 'o' or 'x' or 'X' or 'e' or 'E' or 'g' or 'G' => throw new NotEvaluatedException($"Kagi does not evaluate the format verb %{verb}"),
        _ => throw new EvaluationException($"unsupported format verb %{verb}"),
    };
}
