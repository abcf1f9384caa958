using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Ebs.Volumes;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed replacement of an EBS volume carries everything across. In moto, gp3 volumes with non-default
/// size, IOPS, throughput, zone and tags, attached to an instance, on the AWS-managed key ("managed") or unencrypted
/// ("plain"), and an unattached io1 Multi-Attach volume ("loose", unencrypted), are scanned; the failing finding's AWS CLI
/// script runs exactly as printed (only the endpoint and CONFIRM_DELETE_OLD_VOLUME=yes come from the environment), and the
/// rescan must show the new volume passing the rule under a customer-managed key with every setting and the old
/// attachment, every rule that passed for the old volume passing for the new one, the old volume deleted, the temporary
/// snapshot removed and the copy under the CMK kept as its backup.
/// </summary>
/// <remarks>moto keeps no data in a volume, so that the data arrives is not checked; every call of the script runs.</remarks>
public sealed class EbsVolumeMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "ebs-volume-cmk-encryption";
    private const string StorageRule = "ebs-volume-storage-encrypted";

    private const string Setup = """
        ec2 = boto3.client("ec2")
        aws_ebs_arn = aws_managed_key("ebs")
        instance = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, Placement={"AvailabilityZone": "eu-west-1b"})["Instances"][0]["InstanceId"]
        def volume(name, **settings):
            tags = [{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": name}, {"Key": "team", "Value": "orders"}]}]
            return ec2.create_volume(AvailabilityZone="eu-west-1b", TagSpecifications=tags, **settings)["VolumeId"]
        gp3 = dict(VolumeType="gp3", Size=50, Iops=4000, Throughput=250)
        ec2.attach_volume(VolumeId=volume("managed", Encrypted=True, KmsKeyId=aws_ebs_arn, **gp3), InstanceId=instance, Device="/dev/sdf")
        ec2.attach_volume(VolumeId=volume("plain", Encrypted=False, **gp3), InstanceId=instance, Device="/dev/sdg")
        volume("loose", Encrypted=False, VolumeType="io1", Size=20, Iops=1000, MultiAttachEnabled=True)
        """;

    [Theory]
    [InlineData("managed", CmkRule, null)]
    [InlineData("plain", CmkRule, CmkEncryptionRule<EbsVolume>.UnencryptedVariant)]
    [InlineData("loose", StorageRule, null)]
    public void The_printed_replacement_carries_every_setting_and_breaks_no_rule_that_passed(string name, string ruleId, string? variant)
    {
        // Given the volume, which the rule fails, when its printed script runs
        var fix = PrintedRebuild.Run(Endpoint, Region, ruleId, resource => resource.Tags.Value.GetValueOrDefault("Name") == name, variant, "CONFIRM_DELETE_OLD_VOLUME");

        // with the settings the scan read
        var old = (EbsVolume)fix.Finding.Resource;
        Assert.Equal("eu-west-1b", old.AvailabilityZone.Value);
        Assert.Equal(name == "loose" ? ("io1", 20, 1000, 0, true, 0) : ("gp3", 50, 4000, 250, false, 1), (old.VolumeType.Value, old.Size.Value, old.Iops.Value, old.Throughput.Value, old.MultiAttachEnabled.Value, old.Attachments.Value.Count));

        // Then the new volume, the old one gone, passes the CMK rule under a customer-managed key, and every rule that passed for the old one
        var replacement = Assert.Single(fix.After.Resources.OfType<EbsVolume>(), volume => volume.Tags.Value.GetValueOrDefault("Name") == name);
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);

        // and carries every setting across, attached where the old volume was
        Assert.Equal(Settings(old), Settings(replacement));

        // and of the old volume's snapshots, only the copy under the new volume's key is left, as its backup
        var snapshots = ExternalProcess.RunPythonRows(
            """
            import boto3
            for s in boto3.client("ec2").describe_snapshots(OwnerIds=["self"])["Snapshots"]:
                print(s["Description"], s.get("KmsKeyId", "none"))
            """,
            Endpoint,
            Region).Where(fields => fields[0].StartsWith(old.Name.Value + "-", StringComparison.Ordinal)).ToList();
        var copy = Assert.Single(snapshots);
        Assert.Equal($"{old.Name.Value}-cmk {replacement.KmsKeyId.Value}", string.Join(' ', copy));
    }

    // Every setting the replacement carries, in one comparable value.
    private static string Settings(EbsVolume volume) => JsonSerializer.Serialize(new
    {
        Zone = volume.AvailabilityZone.Value,
        Type = volume.VolumeType.Value,
        Size = volume.Size.Value,
        Iops = volume.Iops.Value,
        Throughput = volume.Throughput.Value,
        MultiAttach = volume.MultiAttachEnabled.Value,
        Attachments = volume.Attachments.Value,
        Tags = volume.Tags.Value.OrderBy(tag => tag.Key, StringComparer.Ordinal),
    });
}
