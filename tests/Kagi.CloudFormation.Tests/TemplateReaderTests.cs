using System.Text;
using Kagi.CloudFormation.Reading;
using Kagi.Core.Files;

namespace Kagi.CloudFormation.Tests;

public sealed class TemplateReaderTests
{
    [Fact]
    public void Short_form_tags_read_as_the_long_form_functions()
    {
        var root = (MappingNode)YamlTemplateReader.Read("""
            A: !Ref Key
            B: !GetAtt Key.Arn
            C: !Sub "${AWS::Region}-x"
            D: !If [Cond, !Join ["", [a, b]], !Select [0, !Split [",", "a,b"]]]
            E: !Not [!Condition Other]
            """)!;

        Assert.Equal(new ScalarNode("Key", 1), ((MappingNode)root.Get("A")!).Get("Ref"));
        Assert.Equal(new ScalarNode("Key.Arn", 2), ((MappingNode)root.Get("B")!).Get("Fn::GetAtt"));
        Assert.NotNull(((MappingNode)root.Get("C")!).Get("Fn::Sub"));
        var branches = (SequenceNode)((MappingNode)root.Get("D")!).Get("Fn::If")!;
        Assert.NotNull(((MappingNode)branches.Items[1]).Get("Fn::Join"));
        Assert.NotNull(((MappingNode)branches.Items[2]).Get("Fn::Select"));
        var negated = (SequenceNode)((MappingNode)root.Get("E")!).Get("Fn::Not")!;
        Assert.Equal(new ScalarNode("Other", 5), ((MappingNode)negated.Items[0]).Get("Condition"));
    }

    [Fact]
    public void An_unknown_tag_is_an_error_at_its_line()
    {
        var error = Assert.Throws<TemplateReadException>(() => YamlTemplateReader.Read("A: 1\nB: !Reff Key\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("!Reff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_lines_and_reads_its_own_escapes()
    {
        var root = (MappingNode)JsonTemplateReader.Read(Encoding.UTF8.GetBytes("{\n  \"Resources\": {\n    \"Key\": {\"Type\": \"AWS::KMS::Key\", \"Path\": \"a\\/b\\u0041\", \"N\": 7, \"B\": true}\n  }\n}\n"))!;

        var resources = (MappingNode)root.Get("Resources")!;
        var key = (MappingNode)resources.Get("Key")!;
        Assert.Equal(3, resources.Entries[0].KeyLine);
        Assert.Equal(new ScalarNode("a/bA", 3), key.Get("Path"));
        Assert.Equal(new ScalarNode("7", 3), key.Get("N"));
        Assert.Equal(new ScalarNode("true", 3), key.Get("B"));
    }

    [Theory]
    [InlineData("A: 1\nA: 2\n", 2)]
    [InlineData("{\n\"A\": 1,\n\"A\": 2}", 3)]
    [InlineData("A: [1, 2\nB: 3\n", 1)]
    [InlineData("A: 1\n  B: 2\n", 2)]
    [InlineData("{\n\"A\": [1,\n}", 3)]
    public void Invalid_yaml_or_json_is_an_error_naming_the_line(string text, int line)
    {
        var path = Templates.Write(text);

        var error = Assert.Throws<TemplateReadException>(() => TemplateFile.Read(HostEntry.At(path)));

        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_template_is_recognised_by_content_whatever_its_name()
    {
        Assert.True(TemplateFile.IsTemplate(JsonTemplateReader.Read("""{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}"""u8.ToArray())));
        Assert.True(TemplateFile.IsTemplate(YamlTemplateReader.Read("AWSTemplateFormatVersion: '2010-09-09'\n")));
        Assert.False(TemplateFile.IsTemplate(YamlTemplateReader.Read("name: ci\non: [push]\n")));
        Assert.False(TemplateFile.IsTemplate(JsonTemplateReader.Read("""{"format_version": "1.2", "resource_changes": []}"""u8.ToArray())));
        Assert.True(TemplateFile.MayHoldTemplate("cdk.out/App.template.json"));
        Assert.False(TemplateFile.MayHoldTemplate("main.tf.json"));
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void Deep_nesting_stops_at_the_named_depth_limit(string syntax)
    {
        const int depth = 100_000;
        var text = syntax == "yaml" ? new string('[', depth) + new string(']', depth) : "{\"A\": " + new string('[', depth) + new string(']', depth) + "}";

        var error = Assert.Throws<TemplateReadException>(() => TemplateFile.Read(HostEntry.At(Templates.Write(text, $"deep.{syntax}"))));

        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Billion_laughs_stop_at_the_named_node_limit()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var error = Assert.Throws<TemplateReadException>(() => YamlTemplateReader.Read(text.ToString()));

        Assert.Contains("MaxNodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_string_within_the_file_limit_is_read_whole_and_a_larger_file_is_refused()
    {
        var value = new string('x', 2_000_000);
        var root = (MappingNode)TemplateFile.Read(HostEntry.At(Templates.Write($"Description: {value}\n")))!;
        Assert.Equal(value, ((ScalarNode)root.Get("Description")!).Value);

        var huge = Templates.Write("Description: " + new string('x', (int)TemplateLimits.MaxTemplateBytes) + "\n");
        var error = Assert.Throws<TemplateReadException>(() => TemplateFile.Read(HostEntry.At(huge)));
        Assert.Contains("MaxTemplateBytes", error.Message, StringComparison.Ordinal);
    }
}
