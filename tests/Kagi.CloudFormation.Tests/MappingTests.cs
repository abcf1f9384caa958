using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Reading;
using Kagi.Core.Model;
using Kagi.Rules.Aws.DynamoDb.Tables;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.CloudFormation.Tests;

public sealed class MappingTests
{
    private const string Template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          CreateDev:
            Type: String
            Default: "no"
        Conditions:
          Dev: !Equals [!Ref CreateDev, "yes"]
        Resources:
          Key:
            Type: AWS::KMS::Key
          Alias:
            Type: AWS::KMS::Alias
            Properties:
              AliasName: alias/graph
              TargetKeyId: !Ref Key
          ByArn:
            Type: AWS::Neptune::DBCluster
            Properties:
              StorageEncrypted: true
              KmsKeyId: !GetAtt Key.Arn
          ByAlias:
            Type: AWS::Neptune::DBCluster
            Properties:
              StorageEncrypted: true
              KmsKeyId: !Ref Alias
          AwsManagedAlias:
            Type: AWS::Neptune::DBCluster
            Properties:
              StorageEncrypted: true
              KmsKeyId: arn:aws:kms:eu-west-1:111122223333:alias/aws/rds
          Default:
            Type: AWS::Neptune::DBCluster
            Properties:
              StorageEncrypted: true
          LiteralKey:
            Type: AWS::Neptune::DBCluster
            Properties:
              StorageEncrypted: true
              KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
          OnlyInDev:
            Type: AWS::Neptune::DBCluster
            Condition: Dev
        """;

    private static Dictionary<string, CloudResource> Scanned(string template = Template, string name = "template.yaml")
    {
        var scan = Templates.Scan(template, name: name);
        Assert.Empty(scan.Inventory.Diagnostics);
        return scan.Inventory.Resources.ToDictionary(resource => resource.Declaration!.Name);
    }

    [Theory]
    [InlineData("ByArn", KeyLevel.Customer)]
    [InlineData("ByAlias", KeyLevel.Customer)]
    [InlineData("AwsManagedAlias", KeyLevel.AwsManaged)]
    [InlineData("Default", KeyLevel.AwsManaged)]
    public void Key_levels_come_out_as_in_terraform(string cluster, KeyLevel level)
    {
        var resource = (NeptuneCluster)Scanned()[cluster];

        Assert.Equal(Fact.Known(level), KeyLevelClassifier.Classify(resource.StorageEncrypted, resource.Key));
    }

    [Fact]
    public void A_reference_to_a_key_of_the_template_is_that_key_with_its_aliases()
    {
        var resources = Scanned();
        var cluster = (NeptuneCluster)resources["ByArn"];

        var key = Assert.IsType<KeyReference.Described>(cluster.Key).Key;
        Assert.Equal((resources["Key"].Id, resources["Key"].Scope), (key.Id, key.Scope));
        Assert.Equal(["alias/graph"], ((KmsKey)resources["Key"]).Aliases.Value);
    }

    [Fact]
    public void A_literal_key_arn_is_unknown_offline()
    {
        var cluster = (NeptuneCluster)Scanned()["LiteralKey"];

        Assert.False(KeyLevelClassifier.Classify(cluster.StorageEncrypted, cluster.Key).IsKnown);
    }

    [Fact]
    public void A_resource_whose_condition_is_false_is_not_created()
    {
        Assert.DoesNotContain("OnlyInDev", Scanned().Keys);
    }

    [Theory]
    [InlineData("template.yaml")]
    [InlineData("App.template.json")]
    public void A_resource_is_named_by_type_and_logical_id_at_the_line_of_its_declaration(string name)
    {
        var template = name.EndsWith(".json", StringComparison.Ordinal)
            ? "{\n  \"Resources\": {\n    \"Graph\": {\n      \"Type\": \"AWS::Neptune::DBCluster\"\n    }\n  }\n}\n"
            : "Resources:\n  Other:\n    Type: AWS::S3::Bucket\n  Graph:\n    Type: AWS::Neptune::DBCluster\n";

        var cluster = Scanned(template, name)["Graph"];

        Assert.Equal("AWS::Neptune::DBCluster.Graph", cluster.Id);
        // The syntax is kept so that the CloudFormation fix is written as the template is.
        Assert.Equal(new SourceAddress(ResourceSources.CloudFormation, "AWS::Neptune::DBCluster", "Graph") { Syntax = name.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml" }, cluster.Declaration);
        Assert.Equal(name.EndsWith(".json", StringComparison.Ordinal) ? 3 : 4, cluster.Location!.Line);
        Assert.EndsWith(name, cluster.Location.File, StringComparison.Ordinal);
        Assert.Equal(ResourceSources.CloudFormation, ResourceSources.Of(cluster));
        Assert.Contains("CloudFormation names it when the stack is deployed", cluster.Name.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_that_refer_to_each_other_in_a_circle_are_a_diagnostic()
    {
        var scan = Templates.Scan("""
            Resources:
              A:
                Type: AWS::KMS::Alias
                Properties:
                  AliasName: alias/a
                  TargetKeyId: !Ref B
              B:
                Type: AWS::KMS::Key
                DependsOn: A
            """);

        var diagnostic = Assert.Single(scan.Inventory.Diagnostics);
        Assert.Contains("A → B → A", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location!.Line);
    }

    [Fact]
    public void A_broken_template_is_a_diagnostic_and_the_other_files_are_still_read()
    {
        var good = Templates.Write("Resources:\n  Graph:\n    Type: AWS::Neptune::DBCluster\n");
        var folder = Path.GetDirectoryName(good)!;
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Graph: [\n");
        File.WriteAllText(Path.Combine(folder, "workflow.yaml"), "on: [push\n");

        var scan = new CloudFormationScanner(Rules.KindCatalog.CloudFormationMappers).Scan([folder]);

        Assert.Equal(["AWS::Neptune::DBCluster.Graph"], scan.Inventory.Resources.Select(resource => resource.Id));
        var diagnostic = Assert.Single(scan.Inventory.Diagnostics);
        Assert.EndsWith("broken.yaml", diagnostic.Location!.File, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Location.Line);
    }

    // The trust model: a scan reads only what it was asked to scan. A pull request can add links (git keeps them): one to
    // a template outside the folder, one to a device that never ends, and a FIFO that blocks whoever opens it.
    [Fact]
    public void Links_leading_outside_the_folder_and_special_files_are_not_read_and_the_rest_is()
    {
        var outside = Templates.Write("Resources:\n  Secret:\n    Type: AWS::Neptune::DBCluster\n");
        var good = Templates.Write("Resources:\n  Graph:\n    Type: AWS::Neptune::DBCluster\n");
        var folder = Path.GetDirectoryName(good)!;
        File.CreateSymbolicLink(Path.Combine(folder, "outside.yaml"), outside);
        File.CreateSymbolicLink(Path.Combine(folder, "zero.yaml"), "/dev/zero");
        var fifo = Path.Combine(folder, "fifo.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var scan = new CloudFormationScanner(Rules.KindCatalog.CloudFormationMappers).Scan([folder]);

        Assert.Equal(["AWS::Neptune::DBCluster.Graph"], scan.Inventory.Resources.Select(resource => resource.Id));
        Assert.Equal(
            ["fifo.yaml", "outside.yaml", "zero.yaml"],
            scan.Inventory.Diagnostics.Select(diagnostic => Path.GetFileName(diagnostic.Location!.File)).Order(StringComparer.Ordinal));
        Assert.Equal(DiagnosticSeverity.Error, scan.Inventory.Diagnostics.Single(diagnostic => diagnostic.Location!.File == fifo).Severity);
    }

    // What each in-place kind's CloudFormation type says of its key where the service decides: the same levels as in Terraform.
    [Theory]
    [InlineData("AWS::S3::Bucket", "{}", "aws-owned")]
    [InlineData("AWS::S3::Bucket", "{BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}}]}}", "aws-managed")]
    [InlineData("AWS::SQS::Queue", "{}", "aws-owned")]
    [InlineData("AWS::SQS::Queue", "{SqsManagedSseEnabled: false}", "none")]
    [InlineData("AWS::SQS::Queue", "{SqsManagedSseEnabled: false, KmsMasterKeyId: !Ref Chosen}", "unknown")]
    [InlineData("AWS::SQS::Queue", "{SqsManagedSseEnabled: false, KmsMasterKeyId: !GetAtt Key.Arn}", "customer")]
    [InlineData("AWS::SNS::Topic", "{}", "none")]
    [InlineData("AWS::SNS::Topic", "{KmsMasterKeyId: !Ref Key}", "customer")]
    [InlineData("AWS::Kinesis::Stream", "{}", "none")]
    [InlineData("AWS::Kinesis::Stream", "{StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}}", "aws-managed")]
    [InlineData("AWS::Logs::LogGroup", "{}", "aws-owned")]
    [InlineData("AWS::DynamoDB::Table", "{}", "aws-owned")]
    [InlineData("AWS::DynamoDB::Table", "{SSESpecification: {SSEEnabled: false, KMSMasterKeyId: !GetAtt Key.Arn}}", "aws-owned")]
    [InlineData("AWS::DynamoDB::Table", "{SSESpecification: {SSEEnabled: true}}", "aws-managed")]
    [InlineData("AWS::ECR::Repository", "{EncryptionConfiguration: {EncryptionType: AES256}}", "aws-owned")]
    [InlineData("AWS::ECR::Repository", "{EncryptionConfiguration: {EncryptionType: KMS}}", "aws-managed")]
    [InlineData("AWS::SecretsManager::Secret", "{}", "aws-managed")]
    [InlineData("AWS::Backup::BackupVault", "{BackupVaultName: v, EncryptionKeyArn: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/backup'}", "aws-managed")]
    [InlineData("AWS::Serverless::SimpleTable", "{SSESpecification: {SSEEnabled: true}}", "aws-managed")]
    public void In_place_kinds_take_their_services_defaults(string type, string properties, string level)
    {
        var template = $$"""
            Parameters:
              Chosen:
                Type: String
            Resources:
              Key:
                Type: AWS::KMS::Key
              Store:
                Type: {{type}}
                Properties: {{properties}}
            """;

        var store = (IEncryptedAtRest)Scanned(template)["Store"];

        Assert.Equal(level, store.KeyLevel is { IsKnown: true, Value: var known } ? known.ToName() : "unknown");
    }

    [Fact]
    public void Tags_written_as_a_map_are_read_as_tags()
    {
        var resources = Scanned("""
            Resources:
              Vault:
                Type: AWS::Backup::BackupVault
                Properties:
                  BackupVaultName: vault
                  BackupVaultTags: {team: data}
            """);

        Assert.Equal("data", resources["Vault"].Tags.Value["team"]);
        Assert.Equal(Fact.Known("vault"), resources["Vault"].Name);
    }

    // SAM's transform turns a SimpleTable into an AWS::DynamoDB::Table; the template is recognised by content, Globals and all.
    [Fact]
    public void A_sam_template_is_read_and_its_simple_table_is_a_dynamodb_table()
    {
        var resources = Scanned(
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
            Resources:
              Orders:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  TableName: orders
                  Tags:
                    team: shop
            """,
            "app.yaml");

        var table = Assert.IsType<DynamoDbTable>(resources["Orders"]);
        Assert.Equal("AWS::Serverless::SimpleTable.Orders", table.Id);
        Assert.Equal(DynamoDbTable.Descriptor.Type, table.Type);
        Assert.Equal((Fact.Known("orders"), "shop"), (table.Name, table.Tags.Value["team"]));
        Assert.Equal(Fact.Known(KeyLevel.AwsOwned), table.KeyLevel);
    }

    // SAM merges Globals into each resource of the type: maps key by key, lists appended, anything else the resource's own.
    [Theory]
    [InlineData("", "customer")]
    [InlineData("Properties: {SSESpecification: {SSEEnabled: false}}", "aws-owned")]
    [InlineData("Properties: {SSESpecification: {KMSMasterKeyId: alias/aws/dynamodb}}", "aws-managed")]
    [InlineData("Properties: {SSESpecification: [not, a, map]}", "unknown")]
    public void Sam_globals_reach_every_simple_table_unless_it_says_otherwise(string own, string level)
    {
        var resources = Scanned(
            $$"""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              SimpleTable:
                SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt Key.Arn}
            Resources:
              Key:
                Type: AWS::KMS::Key
              Orders:
                Type: AWS::Serverless::SimpleTable
                {{own}}
            """,
            "app.yaml");

        var table = (IEncryptedAtRest)resources["Orders"];
        Assert.Equal(level, table.KeyLevel is { IsKnown: true, Value: var known } ? known.ToName() : "unknown");
    }

    [Fact]
    public void Sam_globals_append_lists_and_leave_other_types_alone()
    {
        var template = (MappingNode)YamlTemplateReader.Read("""
            Globals:
              SimpleTable:
                Shared: [a]
                Nested: {Kept: 1, Replaced: 2}
            Resources: {}
            """)!;
        var globals = SamGlobals.Of(template);
        var evaluator = new TemplateEvaluator("template.yaml", template, CloudFormationScanOptions.Default, []);
        var own = new TemplateMap([new("Shared", new TemplateList([new TemplateText("b")])), new("Nested", new TemplateMap([new("Replaced", new TemplateText("3"))]))]);
        TemplateValue Evaluate(TemplateNode node) => evaluator.Evaluate(node, "Orders");

        var merged = globals.Apply("AWS::Serverless::SimpleTable", own, Evaluate);

        Assert.Equal(new TemplateList([new TemplateText("a"), new TemplateText("b")]), merged.Get("Shared"));
        Assert.Equal(new TemplateMap([new("Kept", new TemplateText("1")), new("Replaced", new TemplateText("3"))]), merged.Get("Nested"));
        Assert.Same(own, globals.Apply("AWS::DynamoDB::Table", own, Evaluate));
    }
}
