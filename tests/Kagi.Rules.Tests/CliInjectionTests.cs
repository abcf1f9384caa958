using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.Backup.Vaults;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Ecr.Repositories;
using Kagi.Rules.Aws.Efs.FileSystems;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.OpenSearch.Domains;

namespace Kagi.Rules.Tests;

/// <summary>
/// A pasted fix never runs what a resource's name smuggles in: every rule's CLI text, with every placeholder set to a
/// hostile value, is run by bash with <c>aws</c> stubbed, and the hostile value arrives as one intact argument.
/// </summary>
public sealed partial class CliInjectionTests
{
    // Closes double quotes, single quotes, substitutes commands three ways, and breaks the line (out of a comment).
    private const string Hostile = "x\";touch \"$KAGI_PWNED\";\"'$(touch \"$KAGI_PWNED\")'`touch \"$KAGI_PWNED\"`\ntouch \"$KAGI_PWNED\" #";

    // A value that ends in one line break: .NET's $ matches before it, so a check anchored with $ once left it bare.
    private const string TrailingNewline = "graph\n";

    // A name that must be quoted to stay one word.
    private const string Spaced = "graph staging";

    // A window title (OSC), a bell, a screen clear and a bidi override: all must travel escaped, never raw in the text.
    private const string TerminalEscapes = "g\u001b]0;pwned\u0007\u001b[2J\u202e";

    public static TheoryData<string, string, Language> Templates()
    {
        var data = new TheoryData<string, string, Language>();
        foreach (var (ruleId, variant) in RuleVariants())
        {
            data.Add(ruleId, variant, Language.En);
            data.Add(ruleId, variant, Language.Ja);
        }

        return data;
    }

    public static TheoryData<string, string, string> HostileTemplates()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (ruleId, variant) in RuleVariants())
        {
            foreach (var hostile in new[] { Hostile, TrailingNewline, TerminalEscapes })
            {
                data.Add(ruleId, variant, hostile);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileTemplates))]
    public void A_hostile_value_in_any_placeholder_runs_nothing_and_reaches_aws_intact(string ruleId, string variant, string hostile)
    {
        foreach (var language in new[] { Language.En, Language.Ja })
        {
            var template = RuleCatalog.Find(ruleId)!.Metadata.Remediation.For(RemediationMedium.AwsCli).Get(variant).Get(language);
            var names = PlaceholderName().Matches(template).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            var script = Placeholders.FillCommand(template, names.ToDictionary(name => name, _ => hostile, StringComparer.Ordinal), language, Parts(ruleId, hostile, language));
            using var folder = new TempFolder();
            var pwned = Path.Combine(folder.Path, "pwned");
            var run = Bash(Stub(folder) + script, folder.Path, ("KAGI_PWNED", pwned));

            Assert.True(run.ExitCode == 0 && run.Error.Length == 0, $"bash failed ({run.ExitCode}): {run.Error}\n--- script ---\n{script}");
            Assert.False(File.Exists(pwned), $"the hostile value ran a command:\n{script}");
            Assert.DoesNotContain(script, c => c is '\u001b' or '\u0007' or '\u202e');
            if (names.Count > 0 && File.Exists(Arguments(folder)))
            {
                Assert.Contains(PassedArguments(folder), argument => argument.Contains(hostile, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_placeholder_left_unfilled_is_an_inert_word_that_redirects_nothing(string ruleId, string variant, Language language)
    {
        // Given no value for any placeholder (a resource whose region and name Kagi could not tell)
        var template = RuleCatalog.Find(ruleId)!.Metadata.Remediation.For(RemediationMedium.AwsCli).Get(variant).Get(language);
        var script = Placeholders.FillCommand(template, new Dictionary<string, string>(), language, Parts(ruleId, null, language));
        using var folder = new TempFolder();
        var before = Directory.GetFiles(folder.Path);

        // When the printed commands are run
        var run = Bash(Stub(folder) + script, folder.Path, ("KAGI_PWNED", Path.Combine(folder.Path, "pwned")));

        // Then bash reads from no file named after a placeholder (as "<region>" would), and the words reach aws as they are
        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, $"bash failed ({run.ExitCode}): {run.Error}\n--- script ---\n{script}");
        Assert.Empty(before);
        Assert.DoesNotContain(PlaceholderName().Matches(template).Select(match => match.Groups[1].Value), name => script.Contains($"<{name}>", StringComparison.Ordinal));
        if (PlaceholderName().IsMatch(template) && File.Exists(Arguments(folder)))
        {
            Assert.Contains(PassedArguments(folder), argument => CapitalWord().IsMatch(argument));
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_value_is_a_word_of_its_own_never_glued_to_a_quoted_string(string ruleId, string variant, Language language)
    {
        // Given every placeholder set to a plain name and to one that must be quoted
        var template = RuleCatalog.Find(ruleId)!.Metadata.Remediation.For(RemediationMedium.AwsCli).Get(variant).Get(language);
        var names = PlaceholderName().Matches(template).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        foreach (var value in new[] { "graph", Spaced })
        {
            var script = Placeholders.FillCommand(template, names.ToDictionary(name => name, _ => value, StringComparer.Ordinal), language, Parts(ruleId, value, language));
            using var folder = new TempFolder();

            // Then bash parses the printed commands
            var parsed = Bash(script, folder.Path, ("KAGI_PWNED", string.Empty), "-n");
            Assert.True(parsed.ExitCode == 0 && parsed.Error.Length == 0, $"bash -n failed ({parsed.ExitCode}): {parsed.Error}\n--- script ---\n{script}");

            // and a quoted value never touches a quote: "Neptune cluster "'graph staging' is one word to bash, but a
            // reader sees two, and "Neptune 'graph staging'" would pass the quotes themselves to aws
            var word = Placeholders.ShellWord(value);
            List<string> glued = word == value ? [] : script.Split('\n').Where(line => !line.TrimStart().StartsWith('#'))
                .Where(line => Occurrences(line, word).Any(at => (at > 0 && line[at - 1] is '"' or '\'' or '\\') || (at + word.Length < line.Length && line[at + word.Length] is '"' or '\'')))
                .ToList();
            Assert.True(glued.Count == 0, $"a value is glued to a quoted string:\n{string.Join("\n", glued)}");
            var run = Bash(Stub(folder) + script, folder.Path, ("KAGI_PWNED", Path.Combine(folder.Path, "pwned")));
            Assert.Equal(0, run.ExitCode);
            if (word != value && File.Exists(Arguments(folder)))
            {
                Assert.DoesNotContain(PassedArguments(folder), argument => argument.Contains(word, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_value_with_a_control_character_is_quoted_without_a_literal_line_break()
    {
        var quoted = Placeholders.ShellWord("a\nb\tc'd\\e");

        Assert.DoesNotContain('\n', quoted);
        Assert.Equal("$'a\\nb\\tc\\'d\\\\e'", quoted);
    }

    // The parts a rule builds from its evidence, every value the scan read set to the given one (or nothing read at all).
    private static IReadOnlyDictionary<string, string> Parts(string ruleId, string? value, Language language) =>
        RuleCatalog.Find(ruleId)!.Metadata.FixBuilder?.Build(RemediationMedium.AwsCli, value is null ? new Dictionary<string, string?>() : EvidenceOf(ruleId, value), language)
        ?? Placeholders.NoParts;

    private static Dictionary<string, string?> EvidenceOf(string ruleId, string value) => RuleCatalog.Find(ruleId)!.Metadata.ResourceType switch
    {
        var type when type == EbsVolume.Descriptor.Type => VolumeEvidence(value),
        var type when type == ElastiCacheReplicationGroup.Descriptor.Type => ReplicationGroupEvidence(value),
        var type when type == EfsFileSystem.Descriptor.Type => FileSystemEvidence(value),
        var type when type == EcrRepository.Descriptor.Type => RepositoryEvidence(value),
        var type when type == BackupVault.Descriptor.Type => VaultEvidence(value),
        var type when type == OpenSearchDomain.Descriptor.Type => DomainEvidence(value),
        _ => Evidence(value),
    };

    // A replication group whose every setting, tag and log destination holds the value, for the rules whose fix rebuilds one.
    // No AUTH token is required: the script would stop before any call, asking for it.
    private static Dictionary<string, string?> ReplicationGroupEvidence(string value)
    {
        var (key, read) = ElastiCacheReplicationGroupRebuild.Evidence(new ElastiCacheReplicationGroup
        {
            Id = value,
            Name = Fact.Known(value),
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [value] = value }),
            StorageEncrypted = Fact.Known(false),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.AwsOwned(),
            Description = Fact.Known<string?>(value),
            Engine = Fact.Known<string?>(value),
            EngineVersion = Fact.Known<string?>(value),
            NodeType = Fact.Known<string?>(value),
            ClusterMode = Fact.Known<string?>(value),
            NumNodeGroups = Fact.Known(2),
            ReplicasPerNodeGroup = Fact.Known(1),
            NumCacheClusters = Fact.Known(3),
            NodeGroups = Fact.Known<IReadOnlyList<ElastiCacheNodeGroup>>([new(value, value, 2, value, [value, value]), new(value, null, 0, null, [])]),
            PreferredAvailabilityZones = Fact.Known<IReadOnlyList<string>>([value, value]),
            MultiAz = Fact.Known(true),
            AutomaticFailover = Fact.Known(true),
            SubnetGroup = Fact.Known<string?>(value),
            SecurityGroupIds = Fact.Known<IReadOnlyList<string>>([value, value]),
            ParameterGroup = Fact.Known<string?>(value),
            Port = Fact.Known(6380),
            TransitEncryption = Fact.Known(true),
            TransitEncryptionMode = Fact.Known<string?>(value),
            AuthTokenEnabled = Fact.Known(false),
            UserGroupIds = Fact.Known<IReadOnlyList<string>>([value]),
            SnapshotRetentionLimit = Fact.Known(14),
            AutoMinorVersionUpgrade = Fact.Known(false),
            SnapshotWindow = Fact.Known<string?>(value),
            MaintenanceWindow = Fact.Known<string?>(value),
            NotificationTopicArn = Fact.Known<string?>(value),
            LogDelivery = Fact.Known<IReadOnlyList<ElastiCacheLogDelivery>>([new(value, "cloudwatch-logs", value, value), new(value, "kinesis-firehose", value, value)]),
            DataTiering = Fact.Known(true),
            NetworkType = Fact.Known<string?>(value),
            IpDiscovery = Fact.Known<string?>(value),
        });
        return new() { [key] = read };
    }

    // A file system whose every setting, tag, mount target, access point and replication holds the value, for the rules
    // whose fix rebuilds one.
    private static Dictionary<string, string?> FileSystemEvidence(string value) => EfsFileSystemRebuild.Evidence(new EfsFileSystem
    {
        Id = value,
        Name = Fact.Known(value),
        Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [value] = value }),
        StorageEncrypted = Fact.Known(false),
        KmsKeyId = Fact.Known<string?>(null),
        Key = new KeyReference.ServiceDefault(),
        PerformanceMode = Fact.Known<string?>(value),
        ThroughputMode = Fact.Known<string?>(value),
        ProvisionedThroughput = Fact.Known(128),
        AvailabilityZoneName = Fact.Known<string?>(value),
        LifecyclePolicies = Fact.Known<IReadOnlyList<string>>([$"TransitionToIA={value}", $"TransitionToArchive={value}"]),
        AutomaticBackups = Fact.Known(true),
        Policy = Fact.Known<string?>(value),
        ReplicationOverwriteProtection = Fact.Known<string?>("DISABLED"),
        MountTargets = Fact.Known<IReadOnlyList<EfsMountTarget>>([new(value, value, [value, value]), new(value, null, [])]),
        AccessPoints = Fact.Known<IReadOnlyList<EfsAccessPoint>>(
            [new(new(1000, 1000, [2000]), value, new(1000, 1000, value), new Dictionary<string, string> { ["Name"] = value }), new(null, null, null, new Dictionary<string, string>())]),
        ReplicationDestinations = Fact.Known<IReadOnlyList<EfsReplicationDestination>>([new(value, value)]),
    }).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    // A repository whose every setting, policy and tag holds the value, for the rule whose fix rebuilds one.
    private static Dictionary<string, string?> RepositoryEvidence(string value)
    {
        var (key, read) = EcrRepositoryRebuild.Evidence(new EcrRepository
        {
            Id = value,
            Name = Fact.Known(value),
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [value] = value }),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.AwsOwned(),
            ImageTagMutability = Fact.Known<string?>(value),
            ScanOnPush = Fact.Known(true),
            LifecyclePolicy = Fact.Known<string?>(value),
            RepositoryPolicy = Fact.Known<string?>(value),
        });
        return new() { [key] = read };
    }

    // A vault whose every setting and tag holds the value, with a lock in compliance mode, for the rule whose fix rebuilds one.
    private static Dictionary<string, string?> VaultEvidence(string value)
    {
        var (key, read) = BackupVaultRebuild.Evidence(new BackupVault
        {
            Id = value,
            Name = Fact.Known(value),
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [value] = value }),
            KmsKeyId = Fact.Known<string?>(value),
            Key = new KeyReference.ServiceDefault(),
            AccessPolicy = Fact.Known<string?>(value),
            NotificationTopicArn = Fact.Known<string?>(value),
            NotificationEvents = Fact.Known<IReadOnlyList<string>>([value, value]),
            LockMode = Fact.Known<string?>(BackupVault.ComplianceMode),
            LockMinRetentionDays = Fact.Known(7),
            LockMaxRetentionDays = Fact.Known(365),
        });
        return new() { [key] = read };
    }

    // A domain whose every setting, tag and log group holds the value, for the rules whose fix rebuilds one, with fine-grained
    // access control on the internal user database: the script asks for the master user, which Bash gives it (hostile too).
    private static Dictionary<string, string?> DomainEvidence(string value)
    {
        string Option(object members) => JsonSerializer.Serialize(members);
        var (key, read) = OpenSearchDomainRebuild.Evidence(new OpenSearchDomain
        {
            Id = value,
            Name = Fact.Known(value),
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [value] = value }),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.ServiceDefault(),
            EngineVersion = Fact.Known<string?>(value),
            ClusterConfig = Fact.Known<string?>(Option(new { InstanceType = value, InstanceCount = 4, ZoneAwarenessEnabled = true, ZoneAwarenessConfig = new { AvailabilityZoneCount = 2 } })),
            EbsOptions = Fact.Known<string?>(Option(new { EBSEnabled = true, VolumeType = value, Iops = 4000 })),
            AccessPolicies = Fact.Known<string?>(value),
            IpAddressType = Fact.Known<string?>(value),
            SnapshotOptions = Fact.Known<string?>(Option(new { AutomatedSnapshotStartHour = 3 })),
            VpcOptions = Fact.Known<string?>(Option(new { SubnetIds = new[] { value, value }, SecurityGroupIds = new[] { value } })),
            CognitoOptions = Fact.Known<string?>(Option(new { Enabled = true, UserPoolId = value, IdentityPoolId = value, RoleArn = value })),
            NodeToNodeEncryptionOptions = Fact.Known<string?>(Option(new { Enabled = true })),
            AdvancedOptions = Fact.Known<string?>(Option(new Dictionary<string, string> { [value] = value })),
            LogPublishingOptions = Fact.Known<string?>(Option(new Dictionary<string, object> { [value] = new { CloudWatchLogsLogGroupArn = value, Enabled = true } })),
            DomainEndpointOptions = Fact.Known<string?>(Option(new { EnforceHTTPS = true, TLSSecurityPolicy = value, CustomEndpoint = value })),
            AdvancedSecurityOptions = Fact.Known<string?>(Option(new { Enabled = true, InternalUserDatabaseEnabled = true })),
            AutoTuneOptions = Fact.Known<string?>(Option(new { DesiredState = value })),
            OffPeakWindowOptions = Fact.Known<string?>(Option(new { Enabled = true, OffPeakWindow = new { WindowStartTime = new { Hours = 2, Minutes = 30 } } })),
            SoftwareUpdateOptions = Fact.Known<string?>(Option(new { AutoSoftwareUpdateEnabled = true })),
        });
        return new() { [key] = read };
    }

    // A volume whose every setting, tag and attachment holds the value, for the rules whose fix replaces a volume.
    private static Dictionary<string, string?> VolumeEvidence(string value) => EbsVolumeRebuild.Evidence(new EbsVolume
    {
        Id = value,
        Name = Fact.Known(value),
        Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [value] = value }),
        StorageEncrypted = Fact.Known(false),
        KmsKeyId = Fact.Known<string?>(null),
        Key = new KeyReference.ServiceDefault(),
        AvailabilityZone = Fact.Known<string?>(value),
        VolumeType = Fact.Known<string?>(value),
        Size = Fact.Known(50),
        Iops = Fact.Known(4000),
        Throughput = Fact.Known(250),
        MultiAttachEnabled = Fact.Known(true),
        Attachments = Fact.Known<IReadOnlyList<EbsAttachment>>([new(value, value), new(value + "2", value)]),
    }).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    // A rebuild whose every setting, tag and instance holds the value, for the rules whose fix rebuilds a DB cluster.
    private static Dictionary<string, string?> Evidence(string value)
    {
        var rebuild = new DbClusterRebuild
        {
            Engine = value,
            EngineVersion = value,
            SubnetGroup = value,
            SecurityGroups = [value, value],
            ClusterParameterGroup = value,
            IamRoles = [value],
            Port = 8182,
            BackupRetentionPeriod = 14,
            BackupWindow = value,
            MaintenanceWindow = value,
            LogExports = [value],
            IamAuthentication = true,
            DeletionProtection = false,
            CopyTagsToSnapshot = true,
            ServerlessV2Scaling = new ServerlessV2Scaling(1, 2.5m),
            Tags = new Dictionary<string, string> { [value] = value },
            Instances = [new DbClusterMember(value, value, value, 1, value), new DbClusterMember(value, null, null, null, null)],
            NotRead = [value],
        };
        return new() { [DbClusterRebuild.EvidenceKey] = JsonSerializer.Serialize(rebuild, JsonSerializerOptions.Web) };
    }

    private static IEnumerable<(string RuleId, string Variant)> RuleVariants() =>
        RuleCatalog.All.SelectMany(entry => entry.Metadata.Remediation.For(RemediationMedium.AwsCli).Variants.Keys.Select(variant => (entry.Metadata.Id, variant)));

    // Each argument of each aws and curl call, NUL-terminated, so an argument holding a newline stays one argument. Every aws
    // call answers "available", so a script that waits for a status goes on; curl (an OpenSearch domain's REST API) answers
    // nothing, so a script that waits while a snapshot is in progress or a restore is recovering goes on too.
    private static string Stub(TempFolder folder) =>
        $"aws() {{ printf '%s\\0' \"$@\" >> {Placeholders.ShellWord(Arguments(folder))}; echo available; }}\n"
        + $"curl() {{ printf '%s\\0' \"$@\" >> {Placeholders.ShellWord(Arguments(folder))}; }}\n";

    private static string Arguments(TempFolder folder) => Path.Combine(folder.Path, "arguments");

    private static string[] PassedArguments(TempFolder folder) => File.ReadAllText(Arguments(folder)).Split('\0');

    private static IEnumerable<int> Occurrences(string line, string word)
    {
        for (var at = line.IndexOf(word, StringComparison.Ordinal); at >= 0; at = line.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static (int ExitCode, string Error) Bash(string script, string directory, (string Name, string Value) variable, params string[] options)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", .. options, "-c", script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[variable.Name] = variable.Value;

        // What a script asks for rather than reads, hostile too: an OpenSearch domain's master user, and the credentials its
        // REST calls are signed with.
        foreach (var asked in new[] { "MASTER_USER_NAME", "MASTER_USER_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            start.Environment[asked] = Hostile;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "bash did not finish");
        _ = output.Result;
        return (process.ExitCode, error.Result);
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex PlaceholderName();

    [GeneratedRegex(@"\A[A-Z][A-Z0-9_]*\z")]
    private static partial Regex CapitalWord();

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("kagi-cli-injection-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
