using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests;

/// <summary>
/// EBS volumes and EFS file systems against moto: each made with boto3 on a CMK, encrypted without a key, and
/// unencrypted, then scanned by Kagi. moto names the key of a volume encrypted without one (the aws/ebs key it makes,
/// which it reports as KeyManager=CUSTOMER: the AWS-managed answer comes from the alias alone, through ListAliases); it
/// leaves the key of such a file system out, which Kagi reads as aws/elasticfilesystem. moto does not apply EBS
/// encryption by default to new volumes, nor serve GetEbsDefaultKmsKeyId, neither of which Kagi needs live.
/// </summary>
public sealed class EbsEfsMotoScanTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        ec2 = boto3.client("ec2"); efs = boto3.client("efs")
        cmk = kms.create_key(Description="volume and file system cmk")["KeyMetadata"]["Arn"]
        def volume(name, **encryption):
            ec2.create_volume(AvailabilityZone="eu-west-1a", Size=8, TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": name}]}], **encryption)
        volume("pass-volume-cmk", Encrypted=True, KmsKeyId=cmk)
        volume("fail-volume-default-key", Encrypted=True)
        volume("fail-volume-unencrypted")
        efs.create_file_system(CreationToken="pass-file-system-cmk", Encrypted=True, KmsKeyId=cmk, Tags=[{"Key": "Name", "Value": "pass-file-system-cmk"}])
        efs.create_file_system(CreationToken="fail-file-system-default-key", Encrypted=True, Tags=[{"Key": "Name", "Value": "fail-file-system-default-key"}])
        efs.create_file_system(CreationToken="fail-file-system-unencrypted", Tags=[{"Key": "Name", "Value": "fail-file-system-unencrypted"}])
        """;

    [Fact]
    public void Ebs_volumes_are_judged_by_their_real_key_and_only_the_unencrypted_one_fails_the_storage_rule()
    {
        var result = Scan();

        // Volume IDs are moto's own: each volume is found by the Name tag, which the listing itself carries
        var volumes = result.Inventory.Resources.OfType<EbsVolume>().ToDictionary(volume => volume.Tags.Value["Name"]);
        Assert.Equal(3, volumes.Count);
        var cmk = Scans.Verdicts(result.Inventory, "ebs-volume-cmk-encryption");
        Assert.Equal(ResultStatus.Pass, cmk[volumes["pass-volume-cmk"].Name.Value]);
        Assert.Equal(ResultStatus.Fail, cmk[volumes["fail-volume-default-key"].Name.Value]);
        Assert.Equal(ResultStatus.Fail, cmk[volumes["fail-volume-unencrypted"].Name.Value]);
        Assert.Equal(KeyLevel.AwsManaged, volumes["fail-volume-default-key"].KeyLevel.Value);
        Assert.Equal(KeyLevel.None, volumes["fail-volume-unencrypted"].KeyLevel.Value);
        Assert.Matches("^arn:aws:ec2:eu-west-1:123456789012:volume/vol-[0-9a-f]+$", volumes["pass-volume-cmk"].Id);

        var storage = Scans.Verdicts(result.Inventory, "ebs-volume-storage-encrypted");
        Assert.Equal([volumes["fail-volume-unencrypted"].Name.Value], storage.Where(v => v.Value != ResultStatus.Pass).Select(v => v.Key));
        Assert.DoesNotContain(result.Inventory.Unscanned, scope => scope.ResourceType == EbsVolume.Descriptor.Type);
    }

    [Fact]
    public void Efs_file_systems_are_judged_by_their_real_key_and_only_the_unencrypted_one_fails_the_storage_rule()
    {
        var result = Scan();

        var fileSystems = result.Inventory.Resources.OfType<EfsFileSystem>().ToDictionary(fileSystem => fileSystem.Tags.Value["Name"]);
        Assert.Equal(3, fileSystems.Count);
        var cmk = Scans.Verdicts(result.Inventory, "efs-file-system-cmk-encryption");
        Assert.Equal(ResultStatus.Pass, cmk[fileSystems["pass-file-system-cmk"].Name.Value]);
        Assert.Equal(ResultStatus.Fail, cmk[fileSystems["fail-file-system-default-key"].Name.Value]);
        Assert.Equal(ResultStatus.Fail, cmk[fileSystems["fail-file-system-unencrypted"].Name.Value]);
        Assert.IsType<KeyReference.ServiceDefault>(fileSystems["fail-file-system-default-key"].Key);
        Assert.Equal(KeyManager.Customer, Assert.IsType<KeyReference.Described>(fileSystems["pass-file-system-cmk"].Key).Key.Manager.Value);
        Assert.Matches("^arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-[0-9a-f]+$", fileSystems["pass-file-system-cmk"].Id);

        var storage = Scans.Verdicts(result.Inventory, "efs-file-system-storage-encrypted");
        Assert.Equal([fileSystems["fail-file-system-unencrypted"].Name.Value], storage.Where(v => v.Value != ResultStatus.Pass).Select(v => v.Key));
        Assert.DoesNotContain(result.Inventory.Unscanned, scope => scope.ResourceType == EfsFileSystem.Descriptor.Type);
    }
}
