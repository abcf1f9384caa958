using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.SecretsManager.Secrets;

namespace Kagi.Aws.Tests;

/// <summary>
/// The printed AWS CLI fixes of the JSON-protocol kinds work in moto: the commands run exactly as printed (only the
/// endpoint comes from the environment), the rescan passes the fixed resource, and nothing that passed before fails.
/// The log group fix (<c>aws logs associate-kms-key</c>) is not proven here: moto 5.2 does not implement
/// AssociateKmsKey, so only its Terraform side (<c>TerraformFixAppliedTests</c>) is proven.
/// </summary>
public sealed class JsonApiRemediationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";
    private const string RuleId = "secretsmanager-secret-cmk-encryption";

    [Fact]
    public void The_printed_cli_fix_moves_a_secret_on_aws_secretsmanager_to_a_new_cmk_in_place()
    {
        // Given a secret on the AWS-managed aws/secretsmanager, which the CMK rule fails
        ExternalProcess.RunPython("""
            import boto3
            boto3.client("secretsmanager").create_secret(Name="app-db", SecretString="s3cret")
            """, moto.Endpoint, Region);
        var before = Scans.Judge(Scans.Run(moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == RuleId && f.Resource.Name is { IsKnown: true, Value: "app-db" });
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When the finding's AWS CLI commands run as Kagi printed them
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.Contains("--secret-id app-db", cli, StringComparison.Ordinal);
        ExternalProcess.RunShell(cli, moto.Endpoint);

        // Then the same secret passes under a customer-managed key with rotation on, and every finding that passed still passes
        var afterInventory = Scans.Run(moto.Endpoint, null, Region).Inventory;
        var after = Scans.Judge(afterInventory);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, RuleId)["app-db"]);
        var key = Assert.IsType<KeyReference.Described>(afterInventory.Resources.OfType<SecretsManagerSecret>().Single(s => s.Name.Value == "app-db").Key).Key;
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, "kms-key-rotation-enabled")[key.Name.Value]);
        var passing = after.Where(f => f.Status == ResultStatus.Pass).Select(f => (f.Rule.Id, f.Resource.Id)).ToHashSet();
        Assert.Empty(before.Where(f => f.Status == ResultStatus.Pass && !passing.Contains((f.Rule.Id, f.Resource.Id))).Select(f => $"{f.Rule.Id} {f.Resource.Id}"));
    }
}
