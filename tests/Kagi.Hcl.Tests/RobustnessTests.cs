using System.Diagnostics;
using CsCheck;
using Kagi.Hcl.Tests.Oracle;

namespace Kagi.Hcl.Tests;

/// <summary>Whatever the input, the parser returns a tree or throws <see cref="HclParseException"/> with a sane position, and does so quickly.</summary>
[Collection(nameof(TimingCollection))]
public sealed class RobustnessTests
{
    private static readonly string[] NativeFragments =
    [
        "a", "b_c", "resource", "for", "in", "if", "else", "endif", "endfor", "true", "null", "x-y",
        "=", "==", "!=", "=>", "{", "}", "[", "]", "(", ")", ",", ".", "*", "...", "?", ":", "::", "~", "-", "!", "+", "/", "%",
        "&&", "||", "<", "<=", ">", ">=", "&", "|", "@",
        "\"", "\"x\"", "\"${", "${", "%{", "$${", "%%{", "$", "\\", "\\n", "\\u00e9", "\\U0001F511", "\\u12",
        "<<EOT\n", "<<-EOT\n", "EOT", "  EOT\n", "<<", "<<-",
        "\n", "\r\n", "\r", " ", "\t", "#", "//", "/*", "*/", "0", "1", "1.5", "1e3", "1e", "0.1", ".0", "9999999999999999999999999999999",
        "鍵", "🔑", "\u0000", "\uD800",
    ];

    private static readonly string[] JsonFragments =
    [
        "{", "}", "[", "]", ":", ",", "\"resource\"", "\"aws_x\"", "\"n\"", "\"locals\"", "\"variable\"", "\"dynamic\"", "\"lifecycle\"",
        "\"//\"", "\"${a.b}\"", "\"${\"", "\"%{if x}\"", "\"$${x}\"", "1", "-2.5e3", "1e400", "true", "null", "\"", "\\", " ", "\n", "\"鍵\"",
    ];

    private static readonly Gen<string> NativeSoup = Gen.Int[0, NativeFragments.Length - 1].Array[0, 60]
        .Select(indexes => string.Concat(indexes.Select(i => NativeFragments[i])));

    private static readonly Gen<string> JsonSoup = Gen.Int[0, JsonFragments.Length - 1].Array[0, 60]
        .Select(indexes => string.Concat(indexes.Select(i => JsonFragments[i])));

    private static readonly string[] CorpusTexts = [.. CorpusFiles.All.Select(CorpusFiles.Read)];

    /// <summary>A corpus file with a few random deletions, insertions of fragments, and duplications.</summary>
    private static readonly Gen<string> MutatedCorpus = Gen.Select(
        Gen.Int[0, Math.Max(0, CorpusTexts.Length - 1)],
        Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, 40], Gen.Int[0, NativeFragments.Length - 1]).Array[1, 6],
        (file, mutations) => mutations.Aggregate(CorpusTexts.Length == 0 ? string.Empty : CorpusTexts[file], Mutate));

    [Fact]
    public void Random_token_soup_never_crashes_the_native_parser()
    {
        NativeSoup.Sample(text => ParsesOrFailsCleanly(text, HclParser.ParseNative), iter: 20_000);
    }

    [Fact]
    public void Mutated_corpus_files_never_crash_the_native_parser()
    {
        Assert.NotEmpty(CorpusTexts);
        MutatedCorpus.Sample(text => ParsesOrFailsCleanly(text, HclParser.ParseNative), iter: 3_000);
    }

    [Fact]
    public void Random_json_never_crashes_the_json_reader()
    {
        JsonSoup.Sample(text => ParsesOrFailsCleanly(text, HclParser.ParseJson), iter: 10_000);
    }

    [Fact]
    public void Random_token_soup_never_crashes_parse_expression()
    {
        NativeSoup.Sample(text => ParsesOrFailsCleanly(text, (t, p) => HclParser.ParseExpression(t, p)), iter: 10_000);
    }

    [Fact]
    public void A_huge_heredoc_and_a_long_operator_chain_parse_quickly()
    {
        var heredoc = "x = <<-EOT\n" + string.Concat(Enumerable.Repeat("    line ${var.x}\n", 50_000)) + "    EOT\n";
        var chain = "y = 1" + string.Concat(Enumerable.Repeat(" + a.b[0]", 50_000)) + "\n";

        var elapsed = Time(() => HclParser.ParseNative(heredoc + chain, "big.tf"));

        // About a second when linear; quadratic work would take minutes.
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>The best of three runs, so that a busy machine does not decide the result.</summary>
    private static TimeSpan Time(Action action) => Enumerable.Range(0, 3).Select(_ =>
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }).Min();

    private static void ParsesOrFailsCleanly<T>(string text, Func<string, string, T> parse)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            parse(text, "fuzz.tf");
        }
        catch (HclParseException e)
        {
            var start = e.Range.Start;
            if (start.Line < 1 || start.Column < 1 || start.Offset < 0 || start.Offset > text.Length || e.Range.File != "fuzz.tf")
            {
                throw new InvalidOperationException($"error position out of the text: {e.Message}", e);
            }
        }

        if (watch.Elapsed > TimeSpan.FromSeconds(2))
        {
            throw new TimeoutException($"parsing {text.Length} characters took {watch.Elapsed}");
        }
    }

    private static string Mutate(string text, (int Kind, double Where, int Length, int Fragment) mutation)
    {
        var at = (int)(mutation.Where * text.Length);
        var length = Math.Min(mutation.Length, text.Length - at);
        return mutation.Kind switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, NativeFragments[mutation.Fragment]),
            _ => text.Insert(at, text.Substring(at, length)),
        };
    }
}

/// <summary>Timing tests run alone, so that the other tests' threads do not distort what they measure.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;
