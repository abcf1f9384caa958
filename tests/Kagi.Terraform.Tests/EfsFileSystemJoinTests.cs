using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Efs.FileSystems;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>
/// An EFS file system declared in Terraform carries what its rebuild needs: its own arguments and blocks, and the mount
/// targets, access points, policies and replications declared apart that name it (and not those of another).
/// </summary>
public sealed class EfsFileSystemJoinTests
{
    private const string Configuration = """
        resource "aws_efs_file_system" "files" {
          encrypted                       = true
          performance_mode                = "maxIO"
          throughput_mode                 = "provisioned"
          provisioned_throughput_in_mibps = 128
          availability_zone_name          = "eu-west-1a"
          lifecycle_policy {
            transition_to_ia = "AFTER_30_DAYS"
          }
          lifecycle_policy {
            transition_to_primary_storage_class = "AFTER_1_ACCESS"
          }
          protection {
            replication_overwrite = "DISABLED"
          }
          tags = { team = "orders" }
        }

        resource "aws_efs_file_system" "other" {
          encrypted = true
        }

        resource "aws_efs_mount_target" "a" {
          file_system_id  = aws_efs_file_system.files.id
          subnet_id       = "subnet-0a"
          ip_address      = "10.0.1.25"
          security_groups = ["sg-1", "sg-2"]
        }

        resource "aws_efs_mount_target" "elsewhere" {
          file_system_id = aws_efs_file_system.other.id
          subnet_id      = "subnet-0b"
        }

        resource "aws_efs_access_point" "data" {
          file_system_id = aws_efs_file_system.files.id
          posix_user {
            uid            = 1000
            gid            = 1000
            secondary_gids = [2000]
          }
          root_directory {
            path = "/data"
            creation_info {
              owner_uid   = 1000
              owner_gid   = 1000
              permissions = "750"
            }
          }
          tags = { Name = "data" }
        }

        resource "aws_efs_file_system_policy" "files" {
          file_system_id = aws_efs_file_system.files.id
          policy         = "{\"Version\":\"2012-10-17\"}"
        }

        resource "aws_efs_backup_policy" "files" {
          file_system_id = aws_efs_file_system.files.id
          backup_policy {
            status = "ENABLED"
          }
        }

        resource "aws_efs_replication_configuration" "files" {
          source_file_system_id = aws_efs_file_system.files.id
          destination {
            region = "eu-central-1"
          }
        }
        """;

    [Fact]
    public void A_file_system_carries_its_settings_and_what_names_it()
    {
        var files = FileSystem("files");

        Assert.Equal(("maxIO", "provisioned", 128, "eu-west-1a", "DISABLED"), (files.PerformanceMode.Value, files.ThroughputMode.Value, files.ProvisionedThroughput.Value, files.AvailabilityZoneName.Value, files.ReplicationOverwriteProtection.Value));
        Assert.Equal(["TransitionToIA=AFTER_30_DAYS", "TransitionToPrimaryStorageClass=AFTER_1_ACCESS"], files.LifecyclePolicies.Value);
        var mountTarget = Assert.Single(files.MountTargets.Value);
        Assert.Equal(("subnet-0a", "10.0.1.25", "sg-1 sg-2"), (mountTarget.SubnetId, mountTarget.IpAddress, string.Join(' ', mountTarget.SecurityGroups)));
        var accessPoint = Assert.Single(files.AccessPoints.Value);
        Assert.Equal((1000L, 1000L, 2000L, "/data", "750", "data"), (accessPoint.PosixUser!.Uid, accessPoint.PosixUser.Gid, Assert.Single(accessPoint.PosixUser.SecondaryGids), accessPoint.RootPath, accessPoint.CreationInfo!.Permissions, accessPoint.Tags["Name"]));
        Assert.Equal("{\"Version\":\"2012-10-17\"}", files.Policy.Value);
        Assert.True(files.AutomaticBackups.Value);
        Assert.Equal("eu-central-1", Assert.Single(files.ReplicationDestinations.Value).Region);

        // What names another file system is not this one's; a file system nothing names has none of it
        var other = FileSystem("other");
        Assert.Equal("subnet-0b", Assert.Single(other.MountTargets.Value).SubnetId);
        Assert.Equal((0, 0, false, null), (other.AccessPoints.Value.Count, other.ReplicationDestinations.Value.Count, other.AutomaticBackups.Value, other.Policy.Value));
    }

    [Fact]
    public void The_printed_fix_makes_each_mount_target_and_access_point_and_keeps_the_blocks()
    {
        var finding = Assert.Single(RuleEngine.Run(new Inventory([FileSystem("files")], []), [RuleCatalog.Find("efs-file-system-cmk-encryption")!], ScanOptions.Default));
        var text = FindingText.Render(finding, Language.En);
        var cli = text.FixIn(RemediationMedium.AwsCli);
        var terraform = text.FixIn(RemediationMedium.Terraform);

        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Contains("--subnet-id subnet-0a \\\n  --security-groups sg-1 sg-2", cli, StringComparison.Ordinal);
        Assert.Contains("--root-directory '{\"Path\":\"/data\",\"CreationInfo\":{\"OwnerUid\":1000,\"OwnerGid\":1000,\"Permissions\":\"750\"}}'", cli, StringComparison.Ordinal);
        Assert.Contains("--availability-zone-name eu-west-1a", cli, StringComparison.Ordinal);
        Assert.Contains("aws efs create-replication-configuration --region \"$REGION\" --source-file-system-id \"$NEW\" \\\n  --destinations Region=eu-central-1", cli, StringComparison.Ordinal);
        Assert.Contains("lifecycle_policy {\n    transition_to_primary_storage_class = \"AFTER_1_ACCESS\"\n  }", terraform, StringComparison.Ordinal);
        Assert.Contains("protection {\n    replication_overwrite = \"DISABLED\"\n  }", terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_efs_backup_policy =", terraform, StringComparison.Ordinal);
    }

    private static EfsFileSystem FileSystem(string name)
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", Configuration);
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return Assert.Single(inventory.Resources.OfType<EfsFileSystem>(), fileSystem => fileSystem.Id == $"aws_efs_file_system.{name}");
    }
}
