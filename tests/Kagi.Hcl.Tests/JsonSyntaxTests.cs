using Kagi.Hcl.Syntax;
using Kagi.Testing;

namespace Kagi.Hcl.Tests;

public sealed class JsonSyntaxTests
{
    private const string Neptune = """
        {
          "//": "a comment key is ignored",
          "resource": {
            "aws_kms_key": {
              "k": { "description": "cmk", "enable_key_rotation": true }
            },
            "aws_neptune_cluster": {
              "graph": {
                "storage_encrypted": true,
                "kms_key_arn": "${aws_kms_key.k.arn}",
                "backup_retention_period": 7,
                "final_snapshot_identifier": null,
                "tags": { "Name": "graph-${var.env}" },
                "enabled_cloudwatch_logs_exports": ["audit"],
                "lifecycle": { "ignore_changes": ["tags"] }
              }
            }
          }
        }
        """;

    private static ConfigFile Json(string text) => HclParser.ParseJson(text, "main.tf.json");

    private static Block Cluster => Json(Neptune).Body.Blocks.Single(block => block.Labels[0] == "aws_neptune_cluster");

    private static Expression Attr(Block block, string name) => block.Body.Attributes.Single(attribute => attribute.Name == name).Value;

    [Fact]
    public void Resources_take_two_labels_from_nested_keys()
    {
        var blocks = Json(Neptune).Body.Blocks;

        Assert.Equal([["aws_kms_key", "k"], ["aws_neptune_cluster", "graph"]], blocks.Select(block => block.Labels));
        Assert.All(blocks, block => Assert.Equal("resource", block.Type));
        Assert.Empty(Json(Neptune).Body.Attributes);
    }

    [Fact]
    public void Comment_keys_are_ignored_and_kept_as_comments()
    {
        var file = Json(Neptune);

        var comment = Assert.Single(file.Comments);
        Assert.Equal("a comment key is ignored", comment.Text);
        Assert.Equal(2, comment.Range.Start.Line);
    }

    [Fact]
    public void A_block_range_starts_at_its_last_label_key()
    {
        Assert.Equal(8, Cluster.Range.Start.Line);
        Assert.Equal(3, Cluster.TypeRange.Start.Line);
        Assert.Equal("main.tf.json", Cluster.Range.File);
    }

    [Fact]
    public void A_string_with_only_an_interpolation_is_the_reference()
    {
        var template = Assert.IsType<TemplateExpr>(Attr(Cluster, "kms_key_arn"));

        Assert.True(template.IsSingleInterpolation);
        var traversal = Assert.IsType<ScopeTraversalExpr>(Assert.IsType<TemplateInterpolation>(template.Parts[0]).Expression);
        Assert.Equal("aws_kms_key", traversal.Root);
        Assert.Equal(["k", "arn"], traversal.Steps.Select(step => Assert.IsType<GetAttrStep>(step).Name));
        Assert.Equal(10, traversal.Range.Start.Line);
        Assert.Equal(10, template.Range.Start.Line);
    }

    [Fact]
    public void Scalars_are_literals()
    {
        Assert.Equal(true, Assert.IsType<LiteralExpr>(Attr(Cluster, "storage_encrypted")).Value);
        Assert.Equal(7m, Assert.IsType<LiteralExpr>(Attr(Cluster, "backup_retention_period")).Value);
        Assert.Null(Assert.IsType<LiteralExpr>(Attr(Cluster, "final_snapshot_identifier")).Value);
    }

    [Fact]
    public void Objects_and_arrays_are_attribute_values()
    {
        var tags = Assert.IsType<ObjectExpr>(Attr(Cluster, "tags"));
        var item = Assert.Single(tags.Items);
        Assert.Equal("Name", Hcl.Text(item.Key));
        Assert.IsType<TemplateExpr>(item.Value);
        Assert.Equal("audit", Hcl.Text(Assert.Single(Assert.IsType<TupleExpr>(Attr(Cluster, "enabled_cloudwatch_logs_exports")).Items)));
    }

    [Fact]
    public void Lifecycle_inside_a_resource_is_a_block()
    {
        var lifecycle = Assert.Single(Cluster.Body.Blocks);

        Assert.Equal("lifecycle", lifecycle.Type);
        Assert.Equal("ignore_changes", Assert.Single(lifecycle.Body.Attributes).Name);
        Assert.Equal(15, lifecycle.Range.Start.Line);
    }

    [Fact]
    public void Dynamic_blocks_take_a_label_and_hold_content()
    {
        var resource = Assert.Single(Json("""
            {"resource": {"aws_security_group": {"sg": {
              "dynamic": {"ingress": {"for_each": "${var.ports}", "content": {"from_port": "${ingress.value}"}}}
            }}}}
            """).Body.Blocks);

        var dynamic = Assert.Single(resource.Body.Blocks);
        Assert.Equal(("dynamic", "ingress"), (dynamic.Type, Assert.Single(dynamic.Labels)));
        Assert.Equal("content", Assert.Single(dynamic.Body.Blocks).Type);
    }

    [Fact]
    public void An_array_of_objects_means_several_blocks()
    {
        var blocks = Json("""{"locals": [{"a": 1}, {"b": 2}], "variable": {"x": [{"default": 1}, {"default": 2}]}}""").Body.Blocks;

        Assert.Equal(["locals", "locals", "variable", "variable"], blocks.Select(block => block.Type));
        Assert.Equal(["x"], blocks[3].Labels);
    }

    [Fact]
    public void Terraform_settings_and_variable_validation_are_blocks()
    {
        var blocks = Json("""
            {
              "terraform": {
                "required_providers": {"aws": {"source": "hashicorp/aws"}},
                "backend": {"s3": {"bucket": "b"}}
              },
              "variable": {"v": {"type": "string", "validation": {"condition": "${length(var.v) > 0}", "error_message": "empty"}}}
            }
            """).Body.Blocks;

        Assert.Equal(["required_providers", "backend"], blocks[0].Body.Blocks.Select(block => block.Type));
        Assert.Equal(["s3"], blocks[0].Body.Blocks[1].Labels);
        Assert.IsType<ObjectExpr>(Assert.Single(blocks[0].Body.Blocks[0].Body.Attributes).Value);
        Assert.Equal("validation", Assert.Single(blocks[1].Body.Blocks).Type);
    }

    [Fact]
    public void Unknown_top_level_keys_are_attributes_as_in_tfvars_json()
    {
        var attribute = Assert.Single(Json("""{"region": "ap-northeast-1"}""").Body.Attributes);

        Assert.Equal("ap-northeast-1", Hcl.Text(attribute.Value));
    }

    [Fact]
    public void Escaped_template_sequences_stay_literal()
    {
        var attribute = Assert.Single(Json("""{"a": "$${not} %%{this}"}""").Body.Attributes);

        Assert.Equal("${not} %{this}", Hcl.Text(attribute.Value));
    }

    [Fact]
    public void Invalid_json_reports_the_line()
    {
        var error = Assert.Throws<HclParseException>(() => Json("{\n  \"a\": 1,\n  \"b\": \n}\n"));

        Assert.Equal(4, error.Range.Start.Line);
        Assert.StartsWith("main.tf.json:4:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_template_in_a_string_reports_its_line()
    {
        var error = Assert.Throws<HclParseException>(() => Json("{\n  \"locals\": {\n    \"a\": \"${var.x\"\n  }\n}\n"));

        Assert.Equal(3, error.Range.Start.Line);
    }

    [Theory]
    [InlineData("[]", "must be an object")]
    [InlineData("""{"resource": {"aws_x": "nope"}}""", "expected an object")]
    [InlineData("", "invalid JSON")]
    public void Wrong_shapes_are_parse_errors(string text, string message)
    {
        Assert.Contains(message, Assert.Throws<HclParseException>(() => Json(text)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_count_characters_after_multibyte_text()
    {
        var attribute = Assert.Single(Json("{\"d\": \"鍵🔑\", \"b\": 1}").Body.Attributes.Skip(1));

        Assert.Equal(14, attribute.NameRange.Start.Column);
    }

    [Fact]
    public void The_example_tf_json_parses()
    {
        var path = RepoPaths.Combine("examples", "tf-json", "main.tf.json");
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing");
        }

        var file = HclParser.Parse(File.ReadAllText(path), path);

        Assert.Contains(file.Body.Blocks, block => block.Type == "resource" && block.Labels[0] == "aws_neptune_cluster");
    }
}
