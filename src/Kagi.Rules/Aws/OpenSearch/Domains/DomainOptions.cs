using System.Text;
using System.Text.Json.Nodes;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// The structured settings of a domain that a rebuild carries, each by the members <c>create-domain</c> takes and
/// <c>DescribeDomains</c> returns, as the API names them (a dotted member is nested). One list for every reader: the
/// collector reads the members by these names, the Terraform mapper by their provider names (<see cref="TerraformName"/>),
/// and the rebuild writes them back both ways.
/// </summary>
internal static class DomainOptions
{
    public static DomainOption Cluster { get; } = new("ClusterConfig", "cluster_config",
    [
        ("InstanceType", OptionKind.Text), ("InstanceCount", OptionKind.Number), ("DedicatedMasterEnabled", OptionKind.Flag),
        ("DedicatedMasterType", OptionKind.Text), ("DedicatedMasterCount", OptionKind.Number), ("ZoneAwarenessEnabled", OptionKind.Flag),
        ("ZoneAwarenessConfig.AvailabilityZoneCount", OptionKind.Number), ("WarmEnabled", OptionKind.Flag), ("WarmType", OptionKind.Text),
        ("WarmCount", OptionKind.Number), ("ColdStorageOptions.Enabled", OptionKind.Flag), ("MultiAZWithStandbyEnabled", OptionKind.Flag),
    ]);

    public static DomainOption Ebs { get; } = new("EBSOptions", "ebs_options",
        [("EBSEnabled", OptionKind.Flag), ("VolumeType", OptionKind.Text), ("VolumeSize", OptionKind.Number), ("Iops", OptionKind.Number), ("Throughput", OptionKind.Number)]);

    public static DomainOption Vpc { get; } = new("VPCOptions", "vpc_options", [("SubnetIds", OptionKind.Words), ("SecurityGroupIds", OptionKind.Words)]);

    public static DomainOption Snapshot { get; } = new("SnapshotOptions", "snapshot_options", [("AutomatedSnapshotStartHour", OptionKind.Number)]);

    public static DomainOption Cognito { get; } = new("CognitoOptions", "cognito_options",
        [("Enabled", OptionKind.Flag), ("UserPoolId", OptionKind.Text), ("IdentityPoolId", OptionKind.Text), ("RoleArn", OptionKind.Text)]);

    public static DomainOption NodeToNodeEncryption { get; } = new("NodeToNodeEncryptionOptions", "node_to_node_encryption", [("Enabled", OptionKind.Flag)]);

    public static DomainOption Endpoint { get; } = new("DomainEndpointOptions", "domain_endpoint_options",
    [
        ("EnforceHTTPS", OptionKind.Flag), ("TLSSecurityPolicy", OptionKind.Text), ("CustomEndpointEnabled", OptionKind.Flag),
        ("CustomEndpoint", OptionKind.Text), ("CustomEndpointCertificateArn", OptionKind.Text),
    ]);

    /// <summary>Fine-grained access control, never its master user: no API returns that.</summary>
    public static DomainOption Security { get; } = new("AdvancedSecurityOptions", "advanced_security_options",
        [("Enabled", OptionKind.Flag), ("InternalUserDatabaseEnabled", OptionKind.Flag), ("AnonymousAuthEnabled", OptionKind.Flag)]);

    /// <summary>As <c>create-domain</c> takes it; the API returns the state instead of the desired state.</summary>
    public static DomainOption AutoTune { get; } = new("AutoTuneOptions", "auto_tune_options", [("DesiredState", OptionKind.Text), ("UseOffPeakWindow", OptionKind.Flag)]);

    public static DomainOption OffPeakWindow { get; } = new("OffPeakWindowOptions", "off_peak_window_options",
        [("Enabled", OptionKind.Flag), ("OffPeakWindow.WindowStartTime.Hours", OptionKind.Number), ("OffPeakWindow.WindowStartTime.Minutes", OptionKind.Number)]);

    public static DomainOption SoftwareUpdate { get; } = new("SoftwareUpdateOptions", "software_update_options", [("AutoSoftwareUpdateEnabled", OptionKind.Flag)]);

    /// <summary>One log type's destination: a map's value, by log type (Terraform: one block a log type, naming it).</summary>
    public static DomainOption LogPublishing { get; } = new("LogPublishingOptions", "log_publishing_options",
        [("CloudWatchLogsLogGroupArn", OptionKind.Text), ("Enabled", OptionKind.Flag)]);

    // The one member whose provider name is not the API's in snake case.
    private static readonly Dictionary<string, string> ProviderNames = new(StringComparer.Ordinal) { ["CloudWatchLogsLogGroupArn"] = "cloudwatch_log_group_arn" };

    /// <summary>A member's name in the provider, the API's in snake case with an acronym one word: EnforceHTTPS, enforce_https.</summary>
    public static string TerraformName(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (ProviderNames.TryGetValue(member, out var name))
        {
            return name;
        }

        var snake = new StringBuilder(member.Length + 8);
        for (var i = 0; i < member.Length; i++)
        {
            var startsWord = char.IsUpper(member[i]) && i > 0
                && (!char.IsUpper(member[i - 1]) || (i + 1 < member.Length && char.IsLower(member[i + 1])));
            snake.Append(startsWord ? "_" : string.Empty).Append(char.ToLowerInvariant(member[i]));
        }

        return snake.ToString();
    }

    /// <summary>
    /// The members a source holds, as the option's JSON: <paramref name="read"/> gives each member's value by its path (null:
    /// not set); the whole option is unknown when one member is. Null when none is set.
    /// </summary>
    public static Fact<JsonObject?> Build(IEnumerable<(string Member, OptionKind Kind)> members, Func<string[], OptionKind, Fact<JsonNode?>> read)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(read);
        JsonObject? json = null;
        foreach (var (member, kind) in members)
        {
            var path = member.Split('.');
            var value = read(path, kind);
            if (!value.IsKnown)
            {
                return Fact.Unknown<JsonObject?>(value.Reason!);
            }

            if (value.Value is null)
            {
                continue;
            }

            var into = json ??= new JsonObject();
            foreach (var step in path[..^1])
            {
                into = (JsonObject)(into[step] ??= new JsonObject());
            }

            into[path[^1]] = value.Value;
        }

        return Fact.Known(json);
    }

    /// <summary>An option as the record holds it: its JSON text, null when the domain sets none.</summary>
    public static Fact<string?> Text(Fact<JsonObject?> option) => option.Map(json => json?.ToJsonString());
}

/// <summary>How a member's value is written: a string, a whole number, a flag, a list of strings.</summary>
internal enum OptionKind
{
    Text,
    Number,
    Flag,
    Words,
}

/// <summary>A structured option: its API name (the AWS CLI option's, in kebab case), its Terraform block, and its members.</summary>
internal sealed record DomainOption(string Name, string TerraformBlock, IReadOnlyList<(string Member, OptionKind Kind)> Members);
