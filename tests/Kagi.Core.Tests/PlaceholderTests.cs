using System.Text.RegularExpressions;
using Kagi.Core.Findings;

namespace Kagi.Core.Tests;

public sealed class PlaceholderTests
{
    [Theory]
    [InlineData("graph-prod", "graph-prod")]
    [InlineData("arn:aws:kms:eu-west-1:1:key/abc", "arn:aws:kms:eu-west-1:1:key/abc")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("graph\n", "$'graph\\n'")]
    [InlineData("a\u001b]0;x\u0007b", "$'a\\x1b]0;x\\x07b'")]
    [InlineData("a\u202eb", "$'a\\u202eb'")]
    public void Shell_words_are_quoted_only_when_needed(string value, string expected) =>
        Assert.Equal(expected, Placeholders.ShellWord(value));

    [Fact]
    public void Hcl_string_escaping_stops_interpolation_and_quote_breaking() =>
        Assert.Equal("\\\"$${x}%%{y}\\\\", Placeholders.HclString("\"${x}%{y}\\"));

    [Fact]
    public void Missing_placeholders_stay_visible_as_angle_brackets() =>
        Assert.Equal("id <name> in r", Placeholders.Fill("id {{name}} in {{region}}", new Dictionary<string, string> { ["region"] = "r" }, Placeholders.AsIs));

    // The slots are found by a hand-written scan; it must find exactly what the pattern it replaced found.
    [Theory]
    [InlineData("no slots at all")]
    [InlineData("{{name}}")]
    [InlineData("{{{name}}}")]
    [InlineData("{{ name}} {{name }} {{1name}} {{na-me}} {{}} {{>}} {{>>part}}")]
    [InlineData("{{name} {name}} {{name")]
    [InlineData("{{")]
    [InlineData("a {{>part}}{{region}}{{missing2}} b {{name}}{{")]
    [InlineData("{{{{name}}}} and {{re{{region}}")]
    public void Slots_are_found_as_the_pattern_finds_them(string template)
    {
        var values = new Dictionary<string, string> { ["name"] = "{{region}}", ["region"] = "r" };
        var parts = new Dictionary<string, string> { ["part"] = "[{{name}}]" };
        var expected = Regex.Replace(template, @"\{\{(>?)([A-Za-z][A-Za-z0-9]*)\}\}", match =>
            match.Groups[1].Length > 0 ? parts.GetValueOrDefault(match.Groups[2].Value, string.Empty)
            : values.TryGetValue(match.Groups[2].Value, out var value) ? value.ToUpperInvariant()
            : $"<{match.Groups[2].Value}>");

        Assert.Equal(expected, Placeholders.Fill(template, values, value => value.ToUpperInvariant(), parts));
    }

    [Fact]
    public void Hcl_string_escaping_writes_other_control_characters_as_hcl_unicode_escapes() =>
        Assert.Equal("a\\u001b[2Jb\\u202e", Placeholders.HclString("a\u001b[2Jb\u202e"));

    [Fact]
    public void A_placeholder_missing_from_a_command_becomes_an_inert_capital_word_named_in_a_comment()
    {
        var filled = Placeholders.FillCommand("aws neptune x --region {{region}} --id {{resourceId}} --name {{name}}", new Dictionary<string, string> { ["name"] = "g" }, Kagi.Core.Rules.Language.En);

        Assert.Equal(
            "# Replace REGION, RESOURCE_ID with this resource's value before running (Kagi could not tell it).\naws neptune x --region REGION --id RESOURCE_ID --name g",
            filled);
    }

    [Fact]
    public void A_command_with_every_placeholder_filled_has_no_comment_added() =>
        Assert.Equal("aws x --region 'eu west'", Placeholders.FillCommand("aws x --region {{region}}", new Dictionary<string, string> { ["region"] = "eu west" }, Kagi.Core.Rules.Language.Ja));

    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("a\u001b[31mred\u0007", "a\\x1b[31mred\\x07")]
    [InlineData("over\rwrite\nline\ttab", "over\\rwrite\\nline\\ttab")]
    [InlineData("c1\u009bX del\u007f", "c1\\x9bX del\\x7f")]
    [InlineData("txt.exe\u202egpj \u2066iso\u2069 \u2028", "txt.exe\\u202egpj \\u2066iso\\u2069 \\u2028")]
    public void A_line_for_the_terminal_has_every_control_character_and_bidi_override_as_a_visible_escape(string value, string expected) =>
        Assert.Equal(expected, TerminalText.Line(value));

    [Fact]
    public void A_block_for_the_terminal_keeps_its_line_breaks_and_tabs_and_escapes_the_rest() =>
        Assert.Equal("1. step\n\tindented \\x1b]8;;x\\x07 \\r", TerminalText.Block("1. step\n\tindented \u001b]8;;x\u0007 \r"));
}
