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
    public void Shell_words_are_quoted_only_when_needed(string value, string expected) =>
        Assert.Equal(expected, Placeholders.ShellWord(value));

    [Fact]
    public void Hcl_string_escaping_stops_interpolation_and_quote_breaking() =>
        Assert.Equal("\\\"$${x}%%{y}\\\\", Placeholders.HclString("\"${x}%{y}\\"));

    [Fact]
    public void Missing_placeholders_stay_visible_as_angle_brackets() =>
        Assert.Equal("id <name> in r", Placeholders.Fill("id {{name}} in {{region}}", new Dictionary<string, string> { ["region"] = "r" }, Placeholders.AsIs));
}
