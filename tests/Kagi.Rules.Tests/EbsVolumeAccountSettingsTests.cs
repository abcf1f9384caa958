using Kagi.Core.Model;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Terraform;
using Kagi.Testing;

namespace Kagi.Rules.Tests;

/// <summary>
/// A Terraform volume that names no key is judged by the EBS account settings its configuration declares for the same
/// provider region: joined to those of its own region only, and UNKNOWN, saying which setting is not managed, elsewhere.
/// </summary>
public sealed class EbsVolumeAccountSettingsTests
{
    private static readonly Dictionary<string, EbsVolume> KeyFixtures = Volumes("ebs-volume-cmk-encryption");

    private static readonly Dictionary<string, EbsVolume> StorageFixtures = Volumes("ebs-volume-storage-encrypted");

    [Fact]
    public void A_volume_naming_no_key_takes_the_default_key_of_its_own_region()
    {
        // eu-west-1 names a CMK of the configuration as its default key; us-east-2 names aws/ebs through a data source
        var ireland = Assert.IsType<KeyReference.Described>(KeyFixtures["aws_ebs_volume.pass_account_default_cmk"].Key);
        Assert.Equal("aws_kms_key.ebs_default", ireland.Key.Id);
        Assert.Equal(new KeyReference.Alias("alias/aws/ebs"), KeyFixtures["aws_ebs_volume.fail_account_default_aws_managed"].Key);
        Assert.True(KeyFixtures["aws_ebs_volume.fail_account_default_aws_managed"].StorageEncrypted.Value);

        // ap-northeast-1 turns encryption by default off and leaves the default key unmanaged
        Assert.False(KeyFixtures["aws_ebs_volume.fail_account_encryption_off"].StorageEncrypted.Value);
        var tokyo = Assert.IsType<KeyReference.Undetermined>(KeyFixtures["aws_ebs_volume.unknown_account_default_key_unmanaged"].Key);
        Assert.Contains("aws_ebs_default_kms_key", tokyo.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws_ebs_volume.pass_region_argument_takes_its_regions_default_cmk")]
    [InlineData("aws_ebs_volume.pass_json_region_argument_takes_its_regions_default_cmk")]
    public void A_volume_that_names_its_own_region_is_in_that_region_and_takes_its_settings(string address)
    {
        // Provider 6's per-resource region: declared under the us-east-1 provider, which manages no EBS setting
        var volume = KeyFixtures[address];

        Assert.Equal("eu-west-1", volume.Region);
        Assert.Equal("aws_kms_key.ebs_default", Assert.IsType<KeyReference.Described>(volume.Key).Key.Id);
    }

    [Fact]
    public void Settings_the_configuration_does_not_manage_are_unknown_with_the_setting_named()
    {
        var volume = StorageFixtures["aws_ebs_volume.unknown_account_settings_unmanaged"];

        Assert.False(volume.StorageEncrypted.IsKnown);
        Assert.Contains("aws_ebs_encryption_by_default", volume.StorageEncrypted.Reason, StringComparison.Ordinal);
        Assert.Contains("aws_ebs_default_kms_key", Assert.IsType<KeyReference.Undetermined>(volume.Key).Reason, StringComparison.Ordinal);
        Assert.Equal("AWS assigns the ID when the resource is created", volume.Name.Reason);
    }

    [Fact]
    public void A_volume_from_a_snapshot_is_encrypted_as_the_snapshot_is_whatever_the_region_says()
    {
        // Encryption by default is off in the snapshot volume's region, yet an encrypted snapshot makes an encrypted volume
        var volume = StorageFixtures["aws_ebs_volume.unknown_from_snapshot"];

        Assert.False(volume.StorageEncrypted.IsKnown);
        Assert.Contains("snap-0123456789abcdef0", volume.StorageEncrypted.Reason, StringComparison.Ordinal);
        Assert.Contains("snap-0123456789abcdef0", Assert.IsType<KeyReference.Undetermined>(KeyFixtures["aws_ebs_volume.unknown_from_snapshot"].Key).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Encryption_by_default_encrypts_a_volume_that_asks_for_none()
    {
        Assert.True(StorageFixtures["aws_ebs_volume.pass_asked_unencrypted_under_encryption_by_default"].StorageEncrypted.Value);
        Assert.False(StorageFixtures["aws_ebs_volume.fail_explicitly_false"].StorageEncrypted.Value);
    }

    private static Dictionary<string, EbsVolume> Volumes(string ruleId)
    {
        var directory = Path.Combine(RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures"), "ebs", ruleId);
        return new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory]).Resources.OfType<EbsVolume>().ToDictionary(volume => volume.Id);
    }
}
