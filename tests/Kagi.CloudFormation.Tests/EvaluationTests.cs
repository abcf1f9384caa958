using Kagi.CloudFormation.Evaluation;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Tests;

public sealed class EvaluationTests
{
    private const string Sections = """
        Parameters:
          Stage:
            Type: String
            Default: prod
          Zones:
            Type: CommaDelimitedList
            Default: "a, b, c"
          NoDefault:
            Type: String
          FromSsm:
            Type: AWS::SSM::Parameter::Value<String>
            Default: /kagi/stage
        Mappings:
          Sizes:
            prod:
              Class: db.r6g.large
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          IsDev: !Not [!Condition IsProd]
          Either: !Or [!Condition IsDev, !Equals [!Ref NoDefault, x]]
          Both: !And [!Condition IsProd, !Equals [!Ref NoDefault, x]]
          Decided: !And [!Condition IsDev, !Equals [!Ref NoDefault, x]]
        """;

    [Theory]
    [InlineData("!Ref Stage", "prod")]
    [InlineData("!Sub '${Stage}-graph-${!Literal}'", "prod-graph-${Literal}")]
    [InlineData("!Sub ['${A}-${Stage}', {A: x}]", "x-prod")]
    [InlineData("!Join ['-', [a, !Ref Stage]]", "a-prod")]
    [InlineData("!Select [1, !Ref Zones]", "b")]
    [InlineData("!Select [2, !Split [',', 'x,y,z']]", "z")]
    [InlineData("!FindInMap [Sizes, !Ref Stage, Class]", "db.r6g.large")]
    [InlineData("!If [IsProd, yes, no]", "yes")]
    [InlineData("!If [IsDev, yes, no]", "no")]
    [InlineData("!If [Decided, yes, no]", "no")]
    [InlineData("!Base64 abc", "YWJj")]
    [InlineData("!If [Either, same, same]", "same")]
    public void Intrinsics_with_known_inputs_give_their_value(string expression, string expected)
    {
        var (value, diagnostics) = Templates.Evaluate(Templates.WithValue(expression, Sections));

        Assert.Empty(diagnostics);
        Assert.Equal(new TemplateText(expected), value);
    }

    [Theory]
    [InlineData("!Ref NoDefault", "the parameter NoDefault has no Default")]
    [InlineData("!Ref FromSsm", "read from Systems Manager")]
    [InlineData("!Ref AWS::Region", "the pseudo-parameter AWS::Region was not given to the scan (--parameter AWS::Region=VALUE)")]
    [InlineData("!Sub 'arn:${AWS::Partition}:kms'", "AWS::Partition follows from AWS::Region, which was not given to the scan (--parameter AWS::Region=VALUE)")]
    [InlineData("!Ref AWS::URLSuffix", "AWS::URLSuffix follows from AWS::Region")]
    [InlineData("!Ref AWS::StackId", "AWS::StackId is known only once the stack is deployed")]
    [InlineData("!ImportValue shared", "exported by another stack")]
    [InlineData("!GetAZs ''", "Fn::GetAZs is not evaluated")]
    [InlineData("!If [Either, a, b]", "the condition Either is not known before deployment")]
    [InlineData("!If [Both, a, b]", "the condition Both is not known before deployment")]
    public void Intrinsics_with_unknown_inputs_give_an_unknown_value_with_its_reason(string expression, string reason)
    {
        var (value, diagnostics) = Templates.Evaluate(Templates.WithValue(expression, Sections));

        Assert.Empty(diagnostics);
        Assert.Contains(reason, Assert.IsType<TemplateUnknown>(value).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!Ref Other", null)]
    [InlineData("!GetAtt Other.Arn", "Arn")]
    [InlineData("!Sub '${Other.Arn}'", "Arn")]
    public void A_reference_to_a_resource_is_unknown_and_names_it(string expression, string? attribute)
    {
        var (value, _) = Templates.Evaluate(Templates.WithValue(expression));

        Assert.Equal(new ResourceOrigin("Other", attribute), Assert.IsType<TemplateUnknown>(value).Origin);
    }

    [Theory]
    [InlineData("!Sub 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/app-data'", ":alias/app-data")]
    [InlineData("!Sub '${AWS::AccountId}'", null)]
    public void A_sub_with_unknown_parts_keeps_its_literal_end(string expression, string? end)
    {
        var (value, _) = Templates.Evaluate(Templates.WithValue(expression));

        Assert.Equal(end, Assert.IsType<TemplateUnknown>(value).KnownEnd);
    }

    [Fact]
    public void Pseudo_parameters_are_known_when_given()
    {
        var options = new CloudFormationScanOptions { Region = "cn-north-1", AccountId = "111122223333", StackName = "graph" };

        var (value, _) = Templates.Evaluate(Templates.WithValue("!Sub '${AWS::Partition}:${AWS::Region}:${AWS::AccountId}:${AWS::StackName}:${AWS::URLSuffix}'"), options);

        Assert.Equal(new TemplateText("aws-cn:cn-north-1:111122223333:graph:amazonaws.com.cn"), value);
    }

    [Fact]
    public void A_parameter_value_given_to_the_scan_wins_over_the_default()
    {
        var options = new CloudFormationScanOptions { Parameters = new Dictionary<string, string> { ["Stage"] = "dev" } };

        var (value, _) = Templates.Evaluate(Templates.WithValue("!If [IsProd, yes, no]", Sections), options);

        Assert.Equal(new TemplateText("no"), value);
    }

    [Fact]
    public void No_value_leaves_the_property_out()
    {
        var (value, _) = Templates.Evaluate(Templates.WithValue("!If [IsProd, !Ref AWS::NoValue, set]", Sections));

        Assert.Equal(TemplateValue.Null, value);
    }

    [Theory]
    [InlineData("{'Fn::Bogus': [a]}", "Fn::Bogus is not a CloudFormation intrinsic function")]
    [InlineData("!Ref Nowhere", "Nowhere is not a parameter, resource, condition or pseudo-parameter")]
    [InlineData("!GetAtt Nowhere.Arn", "Nowhere is not a parameter, resource")]
    [InlineData("!Select [9, [a]]", "Fn::Select is given arguments it does not take")]
    [InlineData("!FindInMap [Sizes, dev, Class]", "the mapping has no entry Sizes.dev.Class")]
    public void Bad_input_is_a_diagnostic_at_its_line_and_an_unknown_value(string expression, string message)
    {
        var (value, diagnostics) = Templates.Evaluate(Templates.WithValue(expression, Sections));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Sections.Split('\n').Length + 7, diagnostic.Location!.Line);
        Assert.IsType<TemplateUnknown>(value);
    }

    [Fact]
    public void A_condition_that_depends_on_itself_is_a_diagnostic_not_a_hang()
    {
        var (value, diagnostics) = Templates.Evaluate(Templates.WithValue("!If [A, x, y]", """
            Conditions:
              A: !Condition B
              B: !Not [!Condition A]
            """));

        Assert.Contains(diagnostics, d => d.Message.Contains("depends on itself", StringComparison.Ordinal));
        Assert.IsType<TemplateUnknown>(value);
    }

    [Fact]
    public void A_string_built_past_the_named_limit_is_unknown_with_a_diagnostic()
    {
        var sections = $$"""
            Parameters:
              Big:
                Type: String
                Default: {{new string('x', 600_000)}}
            """;

        var (value, diagnostics) = Templates.Evaluate(Templates.WithValue("!Join ['', [!Ref Big, !Ref Big]]", sections));

        Assert.IsType<TemplateUnknown>(value);
        Assert.Contains("MaxStringLength", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }
}
