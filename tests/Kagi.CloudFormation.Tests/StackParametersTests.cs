namespace Kagi.CloudFormation.Tests;

public sealed class StackParametersTests
{
    [Theory]
    [InlineData("""["Stage=prod", "Size=db.r6g.large", "Url=a=b"]""")]
    [InlineData("""{"Parameters": {"Stage": "prod", "Size": "db.r6g.large", "Url": "a=b"}}""")]
    [InlineData("""[{"ParameterKey": "Stage", "ParameterValue": "prod"}, {"ParameterKey": "Size", "ParameterValue": "db.r6g.large"}, {"ParameterKey": "Url", "ParameterValue": "a=b"}]""")]
    public void Each_format_of_the_aws_cli_gives_the_same_values(string json)
    {
        var values = StackParameters.Parse(json);

        Assert.Equal([new("Stage", "prod"), new("Size", "db.r6g.large"), new("Url", "a=b")], values);
    }

    [Fact]
    public void Numbers_and_booleans_are_their_text()
    {
        Assert.Equal([new("Days", "7"), new("On", "true")], StackParameters.Parse("""{"Parameters": {"Days": 7, "On": true}}"""));
    }

    [Theory]
    [InlineData("""{"Stage": "prod"}""")]
    [InlineData("""["Stage"]""")]
    [InlineData("""[{"ParameterKey": "Stage"}]""")]
    [InlineData("""{"Parameters": {"Stage": ["a"]}}""")]
    public void Another_shape_is_refused_naming_the_formats(string json)
    {
        var error = Assert.Throws<FormatException>(() => StackParameters.Parse(json));

        Assert.Contains("ParameterKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_with_the_parser_detail()
    {
        var error = Assert.Throws<FormatException>(() => StackParameters.Parse("Stage=prod"));

        Assert.StartsWith("the parameters file is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stage=prod", "Stage", "prod")]
    [InlineData("Url=a=b", "Url", "a=b")]
    [InlineData("Empty=", "Empty", "")]
    public void An_assignment_splits_at_the_first_equals(string text, string key, string value)
    {
        Assert.Equal(new KeyValuePair<string, string>(key, value), StackParameters.Assignment(text));
    }

    [Theory]
    [InlineData("Stage")]
    [InlineData("=prod")]
    public void An_assignment_without_a_key_is_refused(string text)
    {
        Assert.Null(StackParameters.Assignment(text));
    }
}
