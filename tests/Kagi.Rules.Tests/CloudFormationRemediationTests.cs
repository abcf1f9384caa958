using System.Text.Json;
using Kagi.CloudFormation;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Sqs.Queues;
using Kagi.Testing;
using YamlDotNet.RepresentationModel;

namespace Kagi.Rules.Tests;

/// <summary>
/// A template's finding is fixed in the template: console, CLI and the patched resource block in the template's own
/// syntax, no Terraform; cfn-lint accepts the blocks as a template, and a hostile logical ID stays inside its string.
/// </summary>
public sealed class CloudFormationRemediationTests
{
    [Fact]
    public void A_template_finding_is_fixed_in_the_console_the_cli_and_cloudformation_not_terraform()
    {
        var finding = Judge(Cluster("GraphCluster", CloudFormationPatch.Yaml), "neptune-cluster-cmk-encryption");

        var text = FindingText.Render(finding, Language.En);

        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Equal([RemediationMedium.Console, RemediationMedium.AwsCli, RemediationMedium.CloudFormation], text.Fixes.Select(fix => fix.Medium));
        var yaml = text.FixIn(RemediationMedium.CloudFormation);
        Assert.Contains("\n  GraphCluster:\n    Type: AWS::Neptune::DBCluster\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n      KmsKeyId: !GetAtt GraphClusterKey.Arn\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n  GraphClusterKey:\n    Type: AWS::KMS::Key\n", yaml, StringComparison.Ordinal);
        Assert.Contains("# Changing KmsKeyId or StorageEncrypted makes CloudFormation REPLACE the Neptune cluster", yaml, StringComparison.Ordinal);
        Assert.Contains("SnapshotIdentifier", yaml, StringComparison.Ordinal);
        Assert.Equal("yaml", text.Fixes[^1].CodeLanguage);
        Assert.DoesNotContain("<tfAddress>", string.Concat(text.Fixes.Select(fix => fix.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_or_terraform_finding_gets_no_cloudformation_fix()
    {
        var live = Judge(Cluster("GraphCluster", CloudFormationPatch.Yaml) with { Declaration = null }, "neptune-cluster-cmk-encryption");

        var text = FindingText.Render(live, Language.En);

        Assert.Equal([RemediationMedium.Console, RemediationMedium.AwsCli, RemediationMedium.Terraform], text.Fixes.Select(fix => fix.Medium));
    }

    [Fact]
    public void A_json_template_gets_its_patch_in_json_after_the_note()
    {
        var finding = Judge(Cluster("GraphCluster", CloudFormationPatch.Json), "neptune-cluster-cmk-encryption");

        var fix = FindingText.Render(finding, Language.En).Fixes.Single(fix => fix.Medium == RemediationMedium.CloudFormation);

        Assert.Equal("json", fix.CodeLanguage);
        using var json = JsonDocument.Parse(PatchTemplates.JsonPart(fix.Text));
        var cluster = json.RootElement.GetProperty("Resources").GetProperty("GraphCluster");
        Assert.Equal("AWS::Neptune::DBCluster", cluster.GetProperty("Type").GetString());
        Assert.Equal("Snapshot", cluster.GetProperty("UpdateReplacePolicy").GetString());
        Assert.True(cluster.GetProperty("Properties").GetProperty("StorageEncrypted").GetBoolean());
        Assert.Equal(["GraphClusterKey", "Arn"], cluster.GetProperty("Properties").GetProperty("KmsKeyId").GetProperty("Fn::GetAtt").EnumerateArray().Select(item => item.GetString()));
        Assert.True(json.RootElement.GetProperty("Resources").GetProperty("GraphClusterKey").GetProperty("Properties").GetProperty("EnableKeyRotation").GetBoolean());
        Assert.Contains("keep the resource's other properties", fix.Text[..fix.Text.IndexOf('{', StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void An_in_place_fix_names_what_it_removes_and_says_the_queue_is_not_replaced()
    {
        var finding = Judge(Queue("Orders", CloudFormationPatch.Yaml), "sqs-queue-cmk-encryption");

        var yaml = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.CloudFormation);

        Assert.Contains("in place, without replacing it", yaml, StringComparison.Ordinal);
        Assert.Contains("# Remove these properties from the resource: SqsManagedSseEnabled\n      KmsMasterKeyId: !GetAtt OrdersKey.Arn\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("DeletionPolicy", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_global_table_is_fixed_per_replica_and_a_table_in_its_own_specification()
    {
        // Given the global-table fixtures, judged by the DynamoDB CMK rule
        var template = RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures", "dynamodb", "dynamodb-table-cmk-encryption", "template.global.yaml");
        var inventory = new CloudFormationScanner(KindCatalog.CloudFormationMappers).Scan([template]).Inventory;
        var findings = RuleEngine.Run(inventory, RuleCatalog.All, ScanOptions.Default with { Rules = new HashSet<string> { "dynamodb-table-cmk-encryption" } });
        var global = findings.Single(finding => finding.Resource.Id == "AWS::DynamoDB::GlobalTable.FailGlobalOneReplicaOnAwsManaged");

        // Then its fix sets the table's SSESpecification without a key (a global table has none there) and says where each replica's key goes
        var yaml = FindingText.Render(global, Language.En).FixIn(RemediationMedium.CloudFormation);
        Assert.Contains("\n    Type: AWS::DynamoDB::GlobalTable\n", yaml, StringComparison.Ordinal);
        Assert.Contains("give each replica in Replicas its own SSESpecification with KMSMasterKeyId", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("KMSMasterKeyId: !GetAtt", yaml, StringComparison.Ordinal);
        Assert.Contains("各レプリカ", FindingText.Render(global, Language.Ja).FixIn(RemediationMedium.CloudFormation), StringComparison.Ordinal);

        // And a table's fix names the key in its own SSESpecification
        var table = Judge(global.Resource with { Declaration = new SourceAddress(ResourceSources.CloudFormation, "AWS::DynamoDB::Table", "Orders") }, "dynamodb-table-cmk-encryption");
        Assert.Contains("KMSMasterKeyId: !GetAtt OrdersKey.Arn", FindingText.Render(table, Language.En).FixIn(RemediationMedium.CloudFormation), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloudFormationPatch.Yaml)]
    [InlineData(CloudFormationPatch.Json)]
    public void Cfn_lint_accepts_the_rendered_blocks_as_a_template(string syntax)
    {
        // The Neptune CMK fix (a replacement, with a new key) and the SQS one (in place) together make one template.
        var cluster = FindingText.Render(Judge(Cluster("GraphCluster", syntax), "neptune-cluster-cmk-encryption"), Language.En).FixIn(RemediationMedium.CloudFormation);
        var queue = FindingText.Render(Judge(Queue("Orders", syntax), "sqs-queue-cmk-encryption"), Language.En).FixIn(RemediationMedium.CloudFormation);
        var template = syntax == CloudFormationPatch.Json ? PatchTemplates.MergedJson([cluster, queue]) : PatchTemplates.MergedYaml([cluster, queue]);

        var (accepted, output) = CfnLint.CheckText(template, syntax);

        Assert.True(accepted, output);
    }

    [Fact]
    public void A_hostile_logical_id_stays_inside_its_string_in_yaml_and_json()
    {
        const string Hostile = "Evil\"\n  Injected: !Ref AWS::AccountId\n#\u202e";
        var yaml = FindingText.Render(Judge(Cluster(Hostile, CloudFormationPatch.Yaml), "neptune-cluster-cmk-encryption"), Language.En).FixIn(RemediationMedium.CloudFormation);
        var json = FindingText.Render(Judge(Cluster(Hostile, CloudFormationPatch.Json), "neptune-cluster-cmk-encryption"), Language.En).FixIn(RemediationMedium.CloudFormation);

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)[new YamlScalarNode("Resources")];
        Assert.Equal([Hostile, "EvilInjectedRefAWSAccountIdKey"], resources.Children.Keys.Select(key => ((YamlScalarNode)key).Value).Order(StringComparer.Ordinal));
        Assert.DoesNotContain('\u202e', yaml);
        using var document = JsonDocument.Parse(PatchTemplates.JsonPart(json));
        Assert.True(document.RootElement.GetProperty("Resources").TryGetProperty(Hostile, out _));
        Assert.DoesNotContain('\u202e', json);
    }

    [Fact]
    public void The_japanese_fix_keeps_no_english_sentence()
    {
        foreach (var (finding, syntax) in new[]
        {
            (Judge(Cluster("GraphCluster", CloudFormationPatch.Yaml), "neptune-cluster-cmk-encryption"), "yaml"),
            (Judge(Queue("Orders", CloudFormationPatch.Json), "sqs-queue-cmk-encryption"), "json"),
        })
        {
            var text = FindingText.Render(finding, Language.Ja);

            var fix = text.FixIn(RemediationMedium.CloudFormation);
            Assert.Null(EnglishSentences.FindIn(fix));
            Assert.Contains(syntax == "yaml" ? "置き換えます" : "その場で", fix, StringComparison.Ordinal);
        }
    }

    private static NeptuneCluster Cluster(string logicalId, string syntax) => new()
    {
        Id = $"AWS::Neptune::DBCluster.{logicalId}",
        Name = Fact.Known("graph-prod"),
        Region = "ap-northeast-1",
        Location = new SourceLocation($"template.{syntax}", 3),
        Declaration = new SourceAddress(ResourceSources.CloudFormation, "AWS::Neptune::DBCluster", logicalId) { Syntax = syntax },
        StorageEncrypted = Fact.Known(true),
        KmsKeyId = Fact.Known<string?>(null),
        Key = new KeyReference.ServiceDefault(),
    };

    private static SqsQueue Queue(string logicalId, string syntax) => new()
    {
        Id = $"AWS::SQS::Queue.{logicalId}",
        Name = Fact.Known("orders"),
        Region = "ap-northeast-1",
        Location = new SourceLocation($"template.{syntax}", 3),
        Declaration = new SourceAddress(ResourceSources.CloudFormation, "AWS::SQS::Queue", logicalId) { Syntax = syntax },
        StorageEncrypted = Fact.Known(true),
        KmsKeyId = Fact.Known<string?>(null),
        Key = new KeyReference.ServiceDefault(),
    };

    private static Finding Judge(CloudResource resource, string ruleId)
    {
        var selected = ScanOptions.Default with { Rules = new HashSet<string> { ruleId } };
        return Assert.Single(RuleEngine.Run(new Inventory([resource], []), RuleCatalog.All, selected));
    }
}
