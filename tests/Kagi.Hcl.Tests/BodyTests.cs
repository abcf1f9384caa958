using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Tests;

public sealed class BodyTests
{
    [Fact]
    public void Blocks_have_quoted_and_identifier_labels_and_nested_bodies()
    {
        var file = Hcl.Native("resource \"aws_kms_key\" k {\n  description = \"x\"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n");

        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("resource", block.Type);
        Assert.Equal(["aws_kms_key", "k"], block.Labels);
        Assert.Equal("description", Assert.Single(block.Body.Attributes).Name);
        Assert.Equal("lifecycle", Assert.Single(block.Body.Blocks).Type);
        Assert.Equal((1, 6), (block.Range.Start.Line, block.Range.End.Line));
    }

    [Fact]
    public void One_line_block_holds_a_single_attribute()
    {
        var block = Assert.Single(Hcl.Native("variable \"region\" { default = \"ap-northeast-1\" }\n").Body.Blocks);

        Assert.Equal("default", Assert.Single(block.Body.Attributes).Name);
    }

    [Fact]
    public void Empty_one_line_block()
    {
        Assert.Empty(Assert.Single(Hcl.Native("data \"aws_caller_identity\" \"current\" {}").Body.Blocks).Body.Attributes);
    }

    [Fact]
    public void Attribute_ranges_point_at_the_name_and_the_whole_definition()
    {
        var attribute = Assert.Single(Hcl.Native("\n\n  engine = \"neptune\"\n").Body.Attributes);

        Assert.Equal(new SourcePos(3, 3, 4), attribute.NameRange.Start);
        Assert.Equal(new SourcePos(3, 21, 22), attribute.Range.End);
        Assert.Equal(Hcl.File, attribute.Range.File);
    }

    [Fact]
    public void All_three_comment_kinds_are_collected_with_their_ranges()
    {
        var file = Hcl.Native("# hash\na = 1 // slashes\n/* block\n comment */ b = 2\n");

        Assert.Equal([" hash", " slashes", " block\n comment "], file.Comments.Select(comment => comment.Text));
        Assert.Equal([1, 2, 3], file.Comments.Select(comment => comment.Range.Start.Line));
        Assert.Equal(2, file.Body.Attributes.Count);
    }

    [Fact]
    public void Comments_inside_expressions_are_collected_too()
    {
        var file = Hcl.Native("a = [\n  1, # one\n  2,\n]\n");

        Assert.Equal(" one", Assert.Single(file.Comments).Text);
    }

    [Fact]
    public void Windows_line_endings_are_newlines()
    {
        var file = Hcl.Native("a = 1\r\nb = \"x\" # note\r\n");

        Assert.Equal(2, file.Body.Attributes.Count);
        Assert.Equal(" note", Assert.Single(file.Comments).Text);
    }

    [Fact]
    public void Repeated_blocks_are_kept_in_order()
    {
        var body = Assert.Single(Hcl.Native("sg {\n  ingress {\n    port = 1\n  }\n  ingress {\n    port = 2\n  }\n}\n").Body.Blocks).Body;

        Assert.Equal(2, body.Blocks.Count);
        Assert.All(body.Blocks, block => Assert.Equal("ingress", block.Type));
    }
}
