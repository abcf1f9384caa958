using System.Text.RegularExpressions;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Core.Tests;

/// <summary>The catalogue is whole: every entry in both languages, every use names an entry, every entry is used.</summary>
public sealed partial class TextsTests
{
    public static TheoryData<string> EntryNames() => [.. Texts.Entries.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Every_entry_renders_in_both_languages_with_the_same_arguments(string name)
    {
        var text = Texts.Entries[name];
        Assert.Equal(Texts.ArgumentNames(text.En), Texts.ArgumentNames(text.Ja));
        var arguments = Texts.ArgumentNames(text.En).Select(argument => (argument, (object?)"X")).ToArray();
        foreach (var language in Enum.GetValues<Language>())
        {
            var rendered = Texts.Get(language, name, arguments);
            Assert.DoesNotContain("{", rendered.Replace("{{", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    // Texts are filled by a hand-written scan (speed); a regular expression is the reference for what it must do,
    // including a name given no argument, which stays as written.
    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Every_entry_fills_as_the_reference_pattern_does_with_some_arguments_missing(string name)
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            var text = Texts.Entries[name].Get(language);
            var given = Texts.ArgumentNames(text).Order(StringComparer.Ordinal).Where((_, index) => index % 2 == 0).ToList();
            var arguments = given.Select(argument => (argument, (object?)$"<{argument}>")).Append(("unused", "-")).ToArray();
            var expected = NamedArgument().Replace(text, match => given.Contains(match.Groups[1].Value) ? $"<{match.Groups[1].Value}>" : match.Value);
            Assert.Equal(expected, Texts.Get(language, name, arguments));
        }
    }

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Every_japanese_text_is_translated(string name)
    {
        var text = Texts.Entries[name];
        var english = EnglishSentences.FindIn(Argument().Replace(text.Ja, "X"));
        Assert.True(english is null, $"{name}: the ja text holds English: \"{english}\"");
        var hasJapanese = text.Ja.Any(IsJapanese);
        Assert.True(hasJapanese || text.Ja == text.En, $"{name}: the ja text has no Japanese and differs from en: \"{text.Ja}\"");
    }

    [Fact]
    public void Every_name_the_code_asks_for_is_an_entry_and_every_entry_is_asked_for()
    {
        var used = SourceFiles().SelectMany(file => EntryUse().Matches(File.ReadAllText(file)).Select(match => (File: file, Name: match.Groups[1].Value))).ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(use => !Texts.Entries.ContainsKey(use.Name)).Select(use => $"{use.Name} (in {Path.GetFileName(use.File)})");
        Assert.Empty(missing);
        var unused = Texts.Entries.Keys.Except(used.Select(use => use.Name), StringComparer.Ordinal);
        Assert.Empty(unused);
    }

    public static TheoryData<string> CanonicalEntryNames() =>
        [.. Texts.Entries.Keys.Where(name => TextTranslation.CanonicalAreas.Any(area => name.StartsWith(area + ".", StringComparison.Ordinal))).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CanonicalEntryNames))]
    public void Every_canonical_text_reads_back_into_its_translation(string name)
    {
        var arguments = Texts.ArgumentNames(Texts.Entries[name].En).Select((argument, i) => (argument, (object?)$"v{i}_x")).ToArray();
        var english = Texts.Canonical(name, arguments);
        Assert.Equal(Texts.Get(Language.Ja, name, arguments), TextTranslation.Translate(english, Language.Ja));
        Assert.Equal(english, TextTranslation.Translate(english, Language.En));
    }

    [Fact]
    public void A_reason_inside_a_reason_is_translated_too_and_an_unknown_text_is_left_alone()
    {
        var inner = Texts.Canonical("reasons.known-after-apply", ("address", "aws_kms_key.k.arn"));
        var outer = Texts.Canonical("reasons.condition-after-apply", ("reason", inner));
        Assert.Equal("条件は apply の後にしか決まりません: aws_kms_key.k.arn は apply の後にしか決まりません", TextTranslation.Translate(outer, Language.Ja));
        Assert.Equal("something else entirely", TextTranslation.Translate("something else entirely", Language.Ja));
    }

    [Fact]
    public void The_english_detector_tells_prose_from_commands()
    {
        Assert.Equal("is not set", EnglishSentences.FindIn("enable_key_rotation is not set"));
        Assert.Equal("The key level", EnglishSentences.FindIn("キー: The key level"));
        Assert.Null(EnglishSentences.FindIn("aws kms enable-key-rotation --key-id 1234abcd --region ap-northeast-1"));
        Assert.Null(EnglishSentences.FindIn("ストレージは AWS KMS キーで暗号化されています (aws_neptune_cluster.this)"));
    }

    private static bool IsJapanese(char c) => c is (>= '\u3040' and <= '\u30ff') or (>= '\u4e00' and <= '\u9fff') or (>= '\uff00' and <= '\uffef') or (>= '\u3000' and <= '\u303f');

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepoPaths.Combine("src"), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>A catalogue name in code: a string literal of dotted lower-case words starting with an area.</summary>
    [GeneratedRegex(@"Texts\.(?:Get\([^,()]+,|Canonical\(|Both\(|Name\()\s*""([a-z0-9-]+\.[a-z0-9.-]+)""")]
    private static partial Regex EntryUse();

    [GeneratedRegex(@"\{[a-zA-Z][a-zA-Z0-9]*\}")]
    private static partial Regex Argument();

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}")]
    private static partial Regex NamedArgument();
}
