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

    [Theory]
    [InlineData("AWS::EC2::Volume", "volume", "^arn:aws:ec2:eu-west-1:123456789012:volume/vol-[0-9a-f]+$")]
    [InlineData("AWS::EFS::FileSystem", "file-system", "^arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-[0-9a-f]+$")]
    public void Each_store_is_judged_by_its_real_key_and_only_the_unencrypted_one_fails_the_storage_rule(string type, string noun, string arnPattern)
    {
        var (stores, inventory) = StoresByNameTag(type);

        Assert.Equal([$"fail-{noun}-default-key", $"fail-{noun}-unencrypted", $"pass-{noun}-cmk"], stores.Keys.Order(StringComparer.Ordinal));
        var cmk = Scans.Verdicts(inventory, StoreKinds.CmkRuleOf(type));
        Assert.Equal(ResultStatus.Pass, cmk[stores[$"pass-{noun}-cmk"].Name.Value]);
        Assert.Equal(ResultStatus.Fail, cmk[stores[$"fail-{noun}-default-key"].Name.Value]);
        Assert.Equal(ResultStatus.Fail, cmk[stores[$"fail-{noun}-unencrypted"].Name.Value]);
        Assert.Matches(arnPattern, stores[$"pass-{noun}-cmk"].Id);

        var storage = Scans.Verdicts(inventory, StoreKinds.StorageRuleOf(type)!);
        Assert.Equal([stores[$"fail-{noun}-unencrypted"].Name.Value], storage.Where(v => v.Value != ResultStatus.Pass).Select(v => v.Key));
        Assert.DoesNotContain(inventory.Unscanned, scope => scope.ResourceType == type);
    }

    [Fact]
    public void A_volume_encrypted_without_a_key_is_on_aws_ebs_and_an_unencrypted_one_on_none()
    {
        var volumes = StoresByNameTag(EbsVolume.Descriptor.Type).Stores.ToDictionary(pair => pair.Key, pair => (EbsVolume)pair.Value);

        Assert.Equal(KeyLevel.AwsManaged, volumes["fail-volume-default-key"].KeyLevel.Value);
        Assert.Equal(KeyLevel.None, volumes["fail-volume-unencrypted"].KeyLevel.Value);
    }

    [Fact]
    public void A_file_system_encrypted_without_a_key_is_on_the_service_default_and_one_on_a_cmk_on_a_customer_managed_key()
    {
        var fileSystems = StoresByNameTag(EfsFileSystem.Descriptor.Type).Stores.ToDictionary(pair => pair.Key, pair => (EfsFileSystem)pair.Value);

        Assert.IsType<KeyReference.ServiceDefault>(fileSystems["fail-file-system-default-key"].Key);
        Assert.Equal(KeyManager.Customer, Assert.IsType<KeyReference.Described>(fileSystems["pass-file-system-cmk"].Key).Key.Manager.Value);
    }

    // IDs are moto's own: each store is found by the Name tag, which the listing itself carries.
    private (Dictionary<string, CloudResource> Stores, Inventory Inventory) StoresByNameTag(string type)
    {
        var inventory = Scan().Inventory;
        return (inventory.Resources.Where(resource => resource.Type == type).ToDictionary(resource => resource.Tags.Value["Name"]), inventory);
    }
}
