using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Tests;

/// <summary>A rule's texts filled for one finding: each medium escapes values its own way, and the message fits the resource's source.</summary>
public sealed class RemediationMediumTests
{
    private const string Hostile = "a b\"${x}";

    [Fact]
    public void Each_medium_escapes_a_value_for_where_it_lands()
    {
        var text = FindingText.Render(Finding(Resource(fromTerraform: true)), Language.En);

        Assert.Equal($"console {Hostile}", text.FixIn(RemediationMedium.Console));
        Assert.Equal("aws x --name 'a b\"${x}'", text.FixIn(RemediationMedium.AwsCli));
        Assert.Equal("name = \"a b\\\"$${x}\"", text.FixIn(RemediationMedium.Terraform));
        Assert.Equal([RemediationMedium.Console, RemediationMedium.AwsCli, RemediationMedium.Terraform], text.Fixes.Select(fix => fix.Medium));
    }

    [Fact]
    public void Terraform_is_shown_for_terraform_and_live_resources_and_cloudformation_only_for_a_templates()
    {
        Assert.True(RemediationMedium.Terraform.IsShownFor(ResourceSources.Live));
        Assert.False(RemediationMedium.Terraform.IsShownFor(ResourceSources.CloudFormation));
        Assert.False(RemediationMedium.CloudFormation.IsShownFor(ResourceSources.Live));
        Assert.False(RemediationMedium.CloudFormation.IsShownFor(ResourceSources.Terraform));
        Assert.All(ResourceSources.All, source => Assert.True(RemediationMedium.AwsCli.IsShownFor(source) && RemediationMedium.Console.IsShownFor(source)));
        var template = Resource(fromTerraform: false) with { Declaration = new SourceAddress(ResourceSources.CloudFormation, "AWS::KMS::Key", "K") };
        Assert.Equal([RemediationMedium.Console, RemediationMedium.AwsCli], FindingText.Render(Finding(template), Language.En).Fixes.Select(fix => fix.Medium));
    }

    [Theory]
    [InlineData(true, "off (enable_key_rotation is false)")]
    [InlineData(false, "off")]
    public void A_message_uses_its_source_text_when_the_rule_has_one_and_the_neutral_text_otherwise(bool fromTerraform, string expected)
    {
        var finding = Finding(Resource(fromTerraform));

        Assert.Equal(expected, FindingText.Render(finding, Language.En).Message);
        Assert.Equal(fromTerraform ? ResourceSources.Terraform : ResourceSources.Live, ResourceSources.Of(finding.Resource));
    }

    [Fact]
    public void The_identity_keys_are_exactly_what_a_finding_without_evidence_offers()
    {
        var finding = Finding(Resource(fromTerraform: true) with { Region = "eu-west-1", Account = "111122223333" }) with
        {
            Result = new RuleResult(ResultStatus.Fail, "fail", new Dictionary<string, string?>()),
        };

        Assert.Equal(Placeholders.IdentityKeys.Order(StringComparer.Ordinal), Placeholders.For(finding).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_medium_is_found_by_the_name_rule_metadata_uses()
    {
        Assert.Same(RemediationMedium.AwsCli, RemediationMedium.Find("aws-cli"));
        Assert.Null(RemediationMedium.Find("cli"));
        Assert.Same(RemediationMedium.Terraform, RemediationMedium.CodeFor(ResourceSources.Terraform));
        Assert.Same(RemediationMedium.AwsCli, RemediationMedium.CodeFor(ResourceSources.Live));
        Assert.Same(RemediationMedium.CloudFormation, RemediationMedium.CodeFor(ResourceSources.CloudFormation));
        Assert.Same(RemediationMedium.CloudFormation, RemediationMedium.Find("cloudformation"));
    }

    private static Finding Finding(CloudResource resource) => new(Metadata, resource, new RuleResult(ResultStatus.Fail, "fail", new Dictionary<string, string?> { ["setting"] = "false" }));

    private static KmsKey Resource(bool fromTerraform) => new()
    {
        Id = fromTerraform ? "aws_kms_key.k" : "arn:aws:kms:eu-west-1:111122223333:key/k",
        Name = Fact.Known(Hostile),
        Arn = Fact.Unknown<string>("computed"),
        Manager = Fact.Known(KeyManager.Customer),
        InCustomKeyStore = Fact.Known(false),
        Declaration = fromTerraform ? new SourceAddress(ResourceSources.Terraform, "aws_kms_key", "k") : null,
    };

    private static readonly RuleMetadata Metadata = new()
    {
        Id = "rotation",
        Service = "test",
        ResourceType = KmsKey.Descriptor.Type,
        Severity = Severity.Medium,
        Title = new LocalizedText("t", "t"),
        Risk = new LocalizedText("r", "r"),
        Messages = new Dictionary<string, MessageText>
        {
            ["fail"] = new(new("off", "無効"), new Dictionary<string, LocalizedText> { [ResourceSources.Terraform] = new("off (enable_key_rotation is {{setting}})", "無効 (enable_key_rotation が {{setting}})") }),
        },
        Remediation = new Remediation(new Dictionary<RemediationMedium, VariantText>
        {
            [RemediationMedium.Terraform] = Text("name = \"{{name}}\""),
            [RemediationMedium.Console] = Text("console {{name}}"),
            [RemediationMedium.AwsCli] = Text("aws x --name {{name}}"),
        }),
        Equivalents = [],
    };

    private static VariantText Text(string text) =>
        new(new Dictionary<string, LocalizedText> { [VariantText.DefaultVariant] = new(text, text) });
}
