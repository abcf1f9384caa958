using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// The printed AWS CLI fixes of the JSON-protocol kinds work in moto: the commands run exactly as printed (only the
/// endpoint comes from the environment), the rescan passes the fixed resource under a customer-managed key (changed in
/// place, or for an ECR repository or a Backup vault, whose key cannot change, the new one the fix creates), and nothing that
/// passed before fails. Copying an ECR repository's images (crane or docker) and a vault's recovery points (a copy job with a Backup
/// role) is printed as a comment, which moto cannot run. The log group fix (<c>aws logs associate-kms-key</c>) is not proven here:
/// moto 5.2 does not implement AssociateKmsKey, so only its Terraform side (<c>TerraformFixAppliedTests</c>) is proven.
/// </summary>
public sealed class JsonApiRemediationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    public static TheoryData<string, string, string, string, string> Fixes => new()
    {
        // rule, resource, how boto3 makes it on the service default, what the printed fix must say, the resource that passes after it
        {
            "secretsmanager-secret-cmk-encryption", "app-db",
            """boto3.client("secretsmanager").create_secret(Name="app-db", SecretString="s3cret")""",
            "aws secretsmanager update-secret --region eu-west-1 \\\n  --secret-id app-db", "app-db"
        },
        {
            "kinesis-stream-cmk-encryption", "clicks",
            """boto3.client("kinesis").create_stream(StreamName="clicks", ShardCount=1)""",
            "aws kinesis start-stream-encryption --region eu-west-1 \\\n  --stream-name clicks", "clicks"
        },
        {
            "kinesis-stream-cmk-encryption", "orders",
            """k = boto3.client("kinesis"); k.create_stream(StreamName="orders", ShardCount=1); k.start_stream_encryption(StreamName="orders", EncryptionType="KMS", KeyId="alias/aws/kinesis")""",
            "aws kinesis start-stream-encryption --region eu-west-1 \\\n  --stream-name orders", "orders"
        },
        {
            "kinesis-stream-storage-encrypted", "views",
            """boto3.client("kinesis").create_stream(StreamName="views", ShardCount=1)""",
            "aws kinesis start-stream-encryption --region eu-west-1 \\\n  --stream-name views", "views"
        },
        {
            "ecr-repository-cmk-encryption", "images",
            """boto3.client("ecr").create_repository(repositoryName="images")""",
            "aws ecr create-repository --region eu-west-1 \\\n  --repository-name images-cmk", "images-cmk"
        },
        {
            "backup-vault-cmk-encryption", "nightly",
            """boto3.client("backup").create_backup_vault(BackupVaultName="nightly")""",
            "aws backup create-backup-vault --region eu-west-1 \\\n  --backup-vault-name nightly-cmk", "nightly-cmk"
        },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public void The_printed_cli_fix_makes_the_failing_resource_or_its_replacement_pass_under_a_cmk(string ruleId, string name, string create, string fixSays, string fixedName)
    {
        // Given a resource on the service's default, which the rule fails
        ExternalProcess.RunPython($"import boto3\n{create}\n", moto.Endpoint, Region);
        var before = Scans.Judge(Scans.Run(moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == ruleId && f.Resource.Name is { IsKnown: true } named && named.Value == name);
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When the finding's AWS CLI commands run as Kagi printed them
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.Contains(fixSays, cli, StringComparison.Ordinal);
        ExternalProcess.RunShell(cli, moto.Endpoint);

        // Then the resource (changed in place) or its replacement passes under a customer-managed key with rotation on,
        // and every finding that passed still passes
        var afterInventory = Scans.Run(moto.Endpoint, null, Region).Inventory;
        var after = Scans.Judge(afterInventory);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, ruleId)[fixedName]);
        var key = Assert.IsType<KeyReference.Described>(KeyOf(afterInventory, fixedName)).Key;
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, "kms-key-rotation-enabled")[key.Name.Value]);
        var passing = after.Where(f => f.Status == ResultStatus.Pass).Select(f => (f.Rule.Id, f.Resource.Id)).ToHashSet();
        Assert.Empty(before.Where(f => f.Status == ResultStatus.Pass && !passing.Contains((f.Rule.Id, f.Resource.Id))).Select(f => $"{f.Rule.Id} {f.Resource.Id}"));
    }

    private static KeyReference KeyOf(Inventory inventory, string name) =>
        inventory.Resources.Where(resource => resource.Name is { IsKnown: true } named && named.Value == name).OfType<IEncryptedAtRest>().Single().Key;
}
