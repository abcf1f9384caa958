using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests;

/// <summary>
/// The AWS CLI fixes of the EBS and EFS rules work as printed: in moto, a failing volume or file system is replaced by
/// running its finding's commands (only the endpoint comes from the environment); the rescan finds the replacement by
/// the tag the commands give it, and it passes, while every finding that passed before still passes.
/// </summary>
/// <remarks>
/// Not run here: the commented steps that move an instance to the new volume (detach-volume / attach-volume) and the
/// files to the new file system (EFS replication, which moto does not serve); they are the operator's, after checking.
/// </remarks>
public sealed class EbsEfsRemediationTests : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    private readonly MotoServer _moto;

    public EbsEfsRemediationTests(MotoServer moto) => _moto = moto;

    [Theory]
    [InlineData("ebs-volume-cmk-encryption", "Encrypted=True", null)]
    [InlineData("ebs-volume-cmk-encryption", "Encrypted=False", CmkEncryptionRule<EbsVolume>.UnencryptedVariant)]
    [InlineData("ebs-volume-storage-encrypted", "Encrypted=False", null)]
    public void The_printed_cli_fix_of_a_volume_makes_a_replacement_that_passes_and_breaks_nothing(string ruleId, string encryption, string? variant)
    {
        var id = ExternalProcess.RunPython($"""
            import boto3
            print(boto3.client("ec2").create_volume(AvailabilityZone="{Region}a", Size=8, {encryption})["VolumeId"])
            """, _moto.Endpoint, Region).Trim();

        var replacement = AssertPrintedFixMakesAReplacementThatPasses(ruleId, id, variant, "ReplacesVolume");

        Assert.True(((EbsVolume)replacement).StorageEncrypted.Value);
    }

    [Theory]
    [InlineData("efs-file-system-cmk-encryption", "Encrypted=True", null)]
    [InlineData("efs-file-system-cmk-encryption", "Encrypted=False", CmkEncryptionRule<EfsFileSystem>.UnencryptedVariant)]
    [InlineData("efs-file-system-storage-encrypted", "Encrypted=False", null)]
    public void The_printed_cli_fix_of_a_file_system_makes_a_replacement_that_passes_and_breaks_nothing(string ruleId, string encryption, string? variant)
    {
        var id = ExternalProcess.RunPython($"""
            import boto3, uuid
            print(boto3.client("efs").create_file_system(CreationToken=str(uuid.uuid4()), {encryption})["FileSystemId"])
            """, _moto.Endpoint, Region).Trim();

        var replacement = AssertPrintedFixMakesAReplacementThatPasses(ruleId, id, variant, "ReplacesFileSystem");

        Assert.True(((EfsFileSystem)replacement).StorageEncrypted.Value);
    }

    private CloudResource AssertPrintedFixMakesAReplacementThatPasses(string ruleId, string id, string? variant, string replacesTag)
    {
        // Given the store failing the rule, and everything that passes beside it
        var before = Scans.Judge(Scans.Run(_moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == ruleId && f.Resource.Name is { IsKnown: true } named && named.Value == id);
        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Equal(variant, finding.Result.RemediationVariant);

        // When its AWS CLI commands run as Kagi printed them
        ExternalProcess.RunShell(FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli), _moto.Endpoint);

        // Then the replacement the commands tagged passes, a key rule's under a customer-managed key with rotation on
        var after = Scans.Run(_moto.Endpoint, null, Region).Inventory;
        var replacement = Assert.Single(after.Resources, r => r.Tags.Value.GetValueOrDefault(replacesTag) == id);
        var verdicts = Scans.Judge(after).ToDictionary(f => (f.Rule.Id, f.Resource.Id), f => f.Status);
        Assert.Equal(ResultStatus.Pass, verdicts[(ruleId, replacement.Id)]);
        if (ruleId.EndsWith("-cmk-encryption", StringComparison.Ordinal))
        {
            var key = Assert.IsType<KeyReference.Described>(((IEncryptedAtRest)replacement).Key).Key;
            Assert.Equal(KeyManager.Customer, key.Manager.Value);
            Assert.Equal(ResultStatus.Pass, Scans.Verdicts(after, "kms-key-rotation-enabled")[key.Name.Value]);
        }

        // and every finding that passed before still passes
        Assert.All(before.Where(f => f.Status == ResultStatus.Pass), f => Assert.True(verdicts.GetValueOrDefault((f.Rule.Id, f.Resource.Id)) == ResultStatus.Pass, $"{(f.Rule.Id, f.Resource.Id)} passed before the fix"));
        return replacement;
    }
}
