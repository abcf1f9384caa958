using Kagi.Core.Model;
using Kagi.Terraform.Tests.Support;
using Kagi.Terraform.Values;
using static Kagi.Terraform.Tests.Support.Hcl;

namespace Kagi.Terraform.Tests;

public sealed class ModuleEvaluatorTests
{
    private static TfValue ArgumentOf(ModuleFixture fixture, string address, string argument)
    {
        var evaluator = fixture.Evaluator();
        return evaluator.Argument(fixture.Module.ResourcesByAddress[address], argument)!;
    }

    [Fact]
    public void Locals_refer_to_each_other_and_to_variable_defaults()
    {
        // Given locals built from a variable's default
        var fixture = new ModuleFixture()
            .Variable("env", Str("prod"))
            .Local("name", Template("graph-", Ref("local.env")))
            .Local("env", Ref("var.env"))
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("cluster_identifier", Ref("local.name"))));

        // When the cluster's identifier is evaluated / Then it is built in any declaration order
        V.Equal(V.S("graph-prod"), ArgumentOf(fixture, "aws_neptune_cluster.graph", "cluster_identifier"));
    }

    [Fact]
    public void A_variable_without_default_is_unknown_with_the_reason()
    {
        var fixture = new ModuleFixture()
            .Variable("kms_key_arn", null)
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("kms_key_arn", Ref("var.kms_key_arn"))));

        var value = Assert.IsType<TfUnknown>(ArgumentOf(fixture, "aws_neptune_cluster.graph", "kms_key_arn"));

        Assert.Equal("variable \"kms_key_arn\" has no default and no value was given", value.Reason);
    }

    [Fact]
    public void A_locals_cycle_is_a_diagnostic_naming_both_locals_and_their_lines()
    {
        // Given two locals that refer to each other
        var fixture = new ModuleFixture()
            .Local("a", Ref("local.b", line: 3), line: 3)
            .Local("b", Ref("local.a", line: 4), line: 4);

        // When the module is validated
        fixture.Evaluator().Validate();

        // Then one diagnostic names both, with file and line
        var cycle = Assert.Single(fixture.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, cycle.Severity);
        Assert.Contains("local.a (main.tf:3)", cycle.Message, StringComparison.Ordinal);
        Assert.Contains("local.b (main.tf:4)", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_resource_attribute_yields_its_configured_value()
    {
        var fixture = new ModuleFixture()
            .Add(Resource("aws_kms_key", "k", 1, ("description", Str("Neptune key"))))
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("cluster_identifier", Ref("aws_kms_key.k.description"))));

        V.Equal(V.S("Neptune key"), ArgumentOf(fixture, "aws_neptune_cluster.graph", "cluster_identifier"));
    }

    [Theory]
    [InlineData("aws_kms_key.k.arn", "aws_kms_key.k", "arn")]
    [InlineData("aws_kms_key.k[0].key_id", "aws_kms_key.k", "key_id")]
    [InlineData("data.aws_kms_alias.rds.target_key_arn", "data.aws_kms_alias.rds", "target_key_arn")]
    public void A_computed_attribute_is_unknown_with_the_resource_as_its_origin(string reference, string address, string attribute)
    {
        // Given a cluster whose key argument refers to a computed attribute
        var fixture = new ModuleFixture()
            .Add(Resource("aws_kms_key", "k", 1))
            .Add(Data("aws_kms_alias", "rds", 5, ("name", Str("alias/aws/rds"))))
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("kms_key_arn", Ref(reference))));

        // When it is evaluated / Then it is unknown, and remembers what it stands for
        var value = Assert.IsType<TfUnknown>(ArgumentOf(fixture, "aws_neptune_cluster.graph", "kms_key_arn"));
        Assert.Equal(new ValueOrigin(address, attribute), value.Origin);
    }

    [Fact]
    public void Path_module_and_the_workspace_are_known()
    {
        var fixture = new ModuleFixture()
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("cluster_identifier", Template(Ref("terraform.workspace"), Ref("path.module")))));

        V.Equal(V.S("default."), ArgumentOf(fixture, "aws_neptune_cluster.graph", "cluster_identifier"));
    }

    [Fact]
    public void Count_index_and_each_are_unknown_until_expansion_is_supported()
    {
        var fixture = new ModuleFixture()
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("cluster_identifier", Template("graph-", Ref("count.index")))));

        Assert.IsType<TfUnknown>(ArgumentOf(fixture, "aws_neptune_cluster.graph", "cluster_identifier"));
    }

    [Fact]
    public void An_undeclared_reference_or_unknown_function_is_a_diagnostic_with_file_and_line_and_the_value_is_unknown()
    {
        // Given resources with a reference to nothing and a call to no function
        var fixture = new ModuleFixture()
            .Add(Resource("aws_neptune_cluster", "graph", 10, ("kms_key_arn", Ref("var.missing", line: 12))))
            .Add(Resource("aws_vpc", "main", 20, ("cidr_block", new Kagi.Hcl.Syntax.FunctionCallExpr("cidrfancy", [], false, Line(21)))));

        // When the module is validated
        var evaluator = fixture.Evaluator();
        evaluator.Validate();

        // Then both are reported where they are written
        Assert.Collection(
            fixture.Diagnostics,
            d => Assert.Equal(("main.tf", 12), (d.Location!.File, d.Location.Line)),
            d => Assert.Equal(("main.tf", 21), (d.Location!.File, d.Location.Line)));
        Assert.IsType<TfUnknown>(evaluator.Argument(fixture.Module.ResourcesByAddress["aws_neptune_cluster.graph"], "kms_key_arn"));
    }

    [Fact]
    public void The_default_aws_provider_gives_the_region()
    {
        var fixture = new ModuleFixture().Provider("aws", ("region", Str("ap-northeast-1")));

        Assert.Equal("ap-northeast-1", fixture.Evaluator().Region("aws"));
    }
}
