using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of an EFS file system carries everything across. In moto, file systems with non-default
/// settings (Max I/O, 128 MiB/s provisioned throughput, automatic backups, two lifecycle policies, a file system policy,
/// mount targets in two subnets of two zones with a security group, an access point with a POSIX user and a root
/// directory, tags), on the AWS-managed key ("managed") or unencrypted ("plain", "bare"), are scanned; the failing
/// finding's AWS CLI script runs exactly as printed (only the endpoint, CONFIRM_DELETE_OLD_FILE_SYSTEM=yes and, for the
/// calls moto does not serve, a recording <c>aws</c> on the PATH come from the environment), and the rescan must show
/// the new file system passing the rule under a customer-managed key, every rule that passed for the old one passing for
/// the new one, the old one deleted, and moto's record of the new one holding every setting the old one had.
/// </summary>
/// <remarks>
/// What moto 5.2.1 cannot emulate: EFS replication and file system protection (UpdateFileSystemProtection,
/// Create/Describe/DeleteReplicationConfiguration are not served). Those four calls of the script are recorded instead
/// of sent, the wait for the replication's first sync answered with a time, and each is checked for what it names and
/// against botocore's model of EFS; moto holds no files, so that the files arrive is not checked. The scan's
/// DescribeReplicationConfigurations fails on moto too, so the script says the old replications were not read (the fake
/// answers it). Every other call of the script runs on moto.
/// </remarks>
public sealed class EfsMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "efs-file-system-cmk-encryption";
    private const string StorageRule = "efs-file-system-storage-encrypted";

    private const string Setup = """
        efs = boto3.client("efs"); ec2 = boto3.client("ec2")
        aws_efs_arn = aws_managed_key("elasticfilesystem")
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        subnets = {s["AvailabilityZone"]: s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]}
        group = ec2.create_security_group(GroupName="file-clients", Description="file clients", VpcId=vpc)["GroupId"]
        def file_system(name, **encryption):
            tags = [{"Key": "Name", "Value": name}, {"Key": "team", "Value": "orders"}]
            fs = efs.create_file_system(CreationToken=name, PerformanceMode="maxIO", ThroughputMode="provisioned", ProvisionedThroughputInMibps=128,
                                        Backup=True, Tags=tags, **encryption)
            efs.put_lifecycle_configuration(FileSystemId=fs["FileSystemId"], LifecyclePolicies=[{"TransitionToIA": "AFTER_30_DAYS"}, {"TransitionToPrimaryStorageClass": "AFTER_1_ACCESS"}])
            efs.put_file_system_policy(FileSystemId=fs["FileSystemId"], Policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                "Principal": {"AWS": "*"}, "Action": "*", "Resource": fs["FileSystemArn"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
            for zone in ("eu-west-1a", "eu-west-1b"):
                efs.create_mount_target(FileSystemId=fs["FileSystemId"], SubnetId=subnets[zone], SecurityGroups=[group])
            efs.create_access_point(ClientToken=name, FileSystemId=fs["FileSystemId"], Tags=[{"Key": "Name", "Value": name + "-data"}],
                                    PosixUser={"Uid": 1000, "Gid": 1000, "SecondaryGids": [2000]},
                                    RootDirectory={"Path": "/data", "CreationInfo": {"OwnerUid": 1000, "OwnerGid": 1000, "Permissions": "750"}})
        file_system("managed", Encrypted=True, KmsKeyId=aws_efs_arn)
        file_system("plain", Encrypted=False)
        file_system("bare", Encrypted=False)
        """;

    // The calls moto does not serve, recorded in their place; the wait for the first sync is answered with its time.
    private static readonly string[] NotServed = ["update-file-system-protection", "create-replication-configuration", "describe-replication-configurations", "delete-replication-configuration"];

    [Theory]
    [InlineData("managed", CmkRule, null)]
    [InlineData("plain", CmkRule, CmkEncryptionRule<EfsFileSystem>.UnencryptedVariant)]
    [InlineData("bare", StorageRule, null)]
    public void The_printed_rebuild_carries_every_setting_and_breaks_no_rule_that_passed(string name, string ruleId, string? variant)
    {
        var folder = Directory.CreateTempSubdirectory("kagi-efs-fix-").FullName;
        try
        {
            // Given the file system, which the rule fails, when its printed script runs with the old one's deletion confirmed
            var recorded = Path.Combine(folder, "calls");
            var fix = PrintedRebuild.RunWith(Endpoint, Region, ruleId, resource => resource.Tags.Value.GetValueOrDefault("Name") == name, variant, new Dictionary<string, string>
            {
                ["CONFIRM_DELETE_OLD_FILE_SYSTEM"] = "yes",
                ["PATH"] = RecordingAws(folder, recorded),
            });

            // with the non-default settings the scan read
            var old = (EfsFileSystem)fix.Finding.Resource;
            Assert.Equal(("maxIO", "provisioned", 128, true, 2, 2, 1), (old.PerformanceMode.Value, old.ThroughputMode.Value, old.ProvisionedThroughput.Value, old.AutomaticBackups.Value, old.LifecyclePolicies.Value.Count, old.MountTargets.Value.Count, old.AccessPoints.Value.Count));
            Assert.Contains(old.Name.Value, old.Policy.Value, StringComparison.Ordinal);

            // Then the new file system, the old one gone, passes the CMK rule under a customer-managed key, and every rule that passed for the old one
            var replacement = Assert.Single(fix.After.Resources.OfType<EfsFileSystem>(), fileSystem => fileSystem.Tags.Value.GetValueOrDefault("Name") == name);
            fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);
            Assert.Equal(ResultStatus.Pass, fix.AfterFindings.Single(f => f.Rule.Id == StorageRule && f.Resource.Id == replacement.Id).Status);

            // and moto's record of it holds every setting the old one had, its policy naming the new file system
            Assert.Equal(Settings(old, old.Name.Value), Settings(replacement, replacement.Name.Value));

            // and the files were copied by replicating the old file system into the new one, which was opened to it first
            var calls = RecordedAws.Read(recorded);
            Assert.Equal(NotServed.Where(call => call != "describe-replication-configurations"), calls.Where(call => call.Arguments[1] != "describe-replication-configurations").Select(call => call.Arguments[1]));
            Assert.Equal((replacement.Name.Value, "DISABLED"), (calls[0].Option("--file-system-id"), calls[0].Option("--replication-overwrite-protection")));
            Assert.Equal((old.Name.Value, $"FileSystemId={replacement.Name.Value}"), (calls[1].Option("--source-file-system-id"), calls[1].Option("--destinations")));
            Assert.Equal(old.Name.Value, calls[^1].Option("--source-file-system-id"));
            Assert.Empty(RecordedAws.UnknownOptions(calls, "efs"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A PATH whose first aws records the calls moto does not serve and hands every other to the machine's AWS CLI.
    private static string RecordingAws(string folder, string recorded)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var real = path.Split(Path.PathSeparator).Select(directory => Path.Combine(directory, "aws")).First(File.Exists);
        var wrapper = Path.Combine(folder, "aws");
        File.WriteAllText(wrapper, $"""
            #!/bin/bash
            case "$2" in
              {string.Join('|', NotServed)})
                {RecordedAws.Record(recorded)}
                if [ "$2" = describe-replication-configurations ]; then echo 2026-12-04T17:00:00+00:00; fi ;;
              *) exec '{real}' "$@" ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder + Path.PathSeparator + path;
    }

    // Every setting the rebuild carries, in one comparable value: the mount targets by subnet and security groups (their IP
    // addresses are new), the policy with the file system's own ID as a word.
    private static string Settings(EfsFileSystem fileSystem, string id) => JsonSerializer.Serialize(new
    {
        PerformanceMode = fileSystem.PerformanceMode.Value,
        ThroughputMode = fileSystem.ThroughputMode.Value,
        Throughput = fileSystem.ProvisionedThroughput.Value,
        Zone = fileSystem.AvailabilityZoneName.Value,
        Backups = fileSystem.AutomaticBackups.Value,
        Lifecycle = fileSystem.LifecyclePolicies.Value,
        Policy = fileSystem.Policy.Value?.Replace(id, "<ID>", StringComparison.Ordinal),
        MountTargets = fileSystem.MountTargets.Value.Select(mountTarget => $"{mountTarget.SubnetId} {string.Join(',', mountTarget.SecurityGroups)}").Order(StringComparer.Ordinal),
        AccessPoints = JsonSerializer.Serialize(fileSystem.AccessPoints.Value, EfsJson.Default.IReadOnlyListEfsAccessPoint),
        Tags = fileSystem.Tags.Value.OrderBy(tag => tag.Key, StringComparer.Ordinal),
    });
}
