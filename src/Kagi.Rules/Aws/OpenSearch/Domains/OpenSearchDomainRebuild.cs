using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// What a rebuild of an OpenSearch domain under another key carries across, as the scan read it, in a failing finding's
/// evidence (so a stored finding prints the same fix), and the parts of the fix built from it: the <c>create-domain</c>
/// with every setting, the console's list and Terraform's arguments. Each setting is named by its AWS CLI option, with its
/// <c>aws_opensearch_domain</c> argument; a structured option travels as the JSON the option takes, and becomes a block of
/// the same members in Terraform.
/// </summary>
public sealed class OpenSearchDomainRebuild : IFixBuilder
{
    private const string SecurityOption = "--advanced-security-options";

    private static readonly OptionRebuild<OpenSearchDomain> Rebuild = new(
    [
        new("--engine-version", "engine_version", Texts.Name("fixes.setting-engine-version"), domain => Json(domain.EngineVersion)),
        new("--cluster-config", DomainOptions.Cluster.TerraformBlock, Texts.Name("fixes.setting-opensearch-cluster"), domain => Json(domain.ClusterConfig), Hcl: Block(DomainOptions.Cluster)),
        new("--ebs-options", DomainOptions.Ebs.TerraformBlock, Texts.Name("fixes.setting-opensearch-ebs"), domain => Json(domain.EbsOptions), Hcl: Block(DomainOptions.Ebs)),
        new("--vpc-options", DomainOptions.Vpc.TerraformBlock, Texts.Name("fixes.setting-opensearch-vpc"), domain => Json(domain.VpcOptions), Hcl: Block(DomainOptions.Vpc)),
        new("--access-policies", "access_policies", Texts.Name("fixes.setting-access-policy"), domain => Json(domain.AccessPolicies)),
        new("--ip-address-type", "ip_address_type", Texts.Name("fixes.setting-ip-address-type"), domain => Json(domain.IpAddressType)),
        new(SecurityOption, DomainOptions.Security.TerraformBlock, Texts.Name("fixes.setting-fine-grained-access"), domain => Json(domain.AdvancedSecurityOptions), SecurityCli, SecurityHcl),
        new("--node-to-node-encryption-options", DomainOptions.NodeToNodeEncryption.TerraformBlock, Texts.Name("fixes.setting-node-to-node-encryption"), domain => Json(domain.NodeToNodeEncryptionOptions), Hcl: Block(DomainOptions.NodeToNodeEncryption)),
        new("--domain-endpoint-options", DomainOptions.Endpoint.TerraformBlock, Texts.Name("fixes.setting-domain-endpoint"), domain => Json(domain.DomainEndpointOptions), Hcl: Block(DomainOptions.Endpoint)),
        new("--cognito-options", DomainOptions.Cognito.TerraformBlock, Texts.Name("fixes.setting-cognito"), domain => Json(domain.CognitoOptions), Hcl: Block(DomainOptions.Cognito)),
        new("--log-publishing-options", DomainOptions.LogPublishing.TerraformBlock, Texts.Name("fixes.setting-log-publishing"), domain => Json(domain.LogPublishingOptions), Hcl: LogBlocks),
        new("--advanced-options", "advanced_options", Texts.Name("fixes.setting-advanced-options"), domain => Json(domain.AdvancedOptions), Hcl: AdvancedOptionsMap),
        new("--auto-tune-options", DomainOptions.AutoTune.TerraformBlock, Texts.Name("fixes.setting-auto-tune"), domain => Json(domain.AutoTuneOptions), Hcl: Block(DomainOptions.AutoTune)),
        new("--snapshot-options", DomainOptions.Snapshot.TerraformBlock, Texts.Name("fixes.setting-snapshot-hour"), domain => Json(domain.SnapshotOptions), Hcl: Block(DomainOptions.Snapshot)),
        new("--off-peak-window-options", DomainOptions.OffPeakWindow.TerraformBlock, Texts.Name("fixes.setting-off-peak-window"), domain => Json(domain.OffPeakWindowOptions), Hcl: Block(DomainOptions.OffPeakWindow)),
        new("--software-update-options", DomainOptions.SoftwareUpdate.TerraformBlock, Texts.Name("fixes.setting-software-update"), domain => Json(domain.SoftwareUpdateOptions), Hcl: Block(DomainOptions.SoftwareUpdate)),
        new("--tag-list", "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<OpenSearchDomain>.OwnTags),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, by option (JSON null: left to AWS).</summary>
    public static (string Key, string? Value) Evidence(OpenSearchDomain domain) => Rebuild.Evidence(domain);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var read = Rebuild.Read(evidence);
        if (medium == RemediationMedium.AwsCli)
        {
            var security = read.Set.Where(pair => pair.Setting.Option == SecurityOption).Select(pair => (JsonElement?)Options(pair.Value)).SingleOrDefault();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),

                // Asked for before anything is made: the script stops here when the master user is not given.
                ["masterUser"] = MasterUser(security) switch
                {
                    MasterUserKind.Internal => Prompt(language, Texts.Name("fixes.opensearch-master-user"), "MASTER_USER_NAME", "MASTER_USER_PASSWORD"),
                    MasterUserKind.Iam => Prompt(language, Texts.Name("fixes.opensearch-master-user-arn"), "MASTER_USER_ARN"),
                    _ => string.Empty,
                },
                ["create"] = RebuildScript.Command(
                    "aws opensearch create-domain --region \"$REGION\"",
                    [
                        "--domain-name \"$NEW\"",
                        .. read.Options(_ => true),
                        "--encryption-at-rest-options Enabled=true,KmsKeyId=\"$KEY_ARN\"",
                    ]),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = read.ConsoleList(language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private enum MasterUserKind
    {
        None,
        Internal,
        Iam,
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<OpenSearchDomain>.Json(fact);

    // A structured option as the evidence holds it: the option's JSON, as text.
    private static JsonElement Options(JsonElement value) => JsonDocument.Parse(value.GetString() ?? "{}").RootElement.Clone();

    // Fine-grained access control needs a master user to be created with, which no API returns: the internal user database's
    // name and password, or an IAM principal's ARN.
    private static MasterUserKind MasterUser(JsonElement? security) => security switch
    {
        { } options when Flag(options, "Enabled") => Flag(options, "InternalUserDatabaseEnabled") ? MasterUserKind.Internal : MasterUserKind.Iam,
        _ => MasterUserKind.None,
    };

    private static bool Flag(JsonElement options, string member) => options.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.True;

    // The sentence asking for the variables, the check that stops the script without them, and the function that puts each
    // into the option's JSON as one string, whatever it holds.
    private static string Prompt(Language language, string text, params string[] variables) =>
        RebuildScript.Comment(Texts.Get(language, text)) + "\n"
        + $": {string.Join(' ', variables.Select(variable => $"\"${{{variable}:?}}\""))}\n"
        + "json_string() { local text=${1//\\\\/\\\\\\\\}; printf '\"%s\"' \"${text//\\\"/\\\\\\\"}\"; }\n";

    // The option's JSON with the master user added from the variables the script asked for.
    private static string[] SecurityCli(JsonElement value)
    {
        var options = Options(value);
        var master = MasterUser(options) switch
        {
            MasterUserKind.Internal => "\\\"MasterUserName\\\":$(json_string \"$MASTER_USER_NAME\"),\\\"MasterUserPassword\\\":$(json_string \"$MASTER_USER_PASSWORD\")",
            MasterUserKind.Iam => "\\\"MasterUserARN\\\":$(json_string \"$MASTER_USER_ARN\")",
            _ => null,
        };
        if (master is null)
        {
            return RebuildScript.Option(SecurityOption, value.GetString());
        }

        // Its flags only, which need no quoting inside the double-quoted word the variables are expanded in.
        var members = options.EnumerateObject().Where(member => member.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            .Select(member => $"\\\"{member.Name}\\\":{(member.Value.GetBoolean() ? "true" : "false")}");
        return [$"{SecurityOption} \"{{{string.Join(',', members)},\\\"MasterUserOptions\\\":{{{master}}}}}\""];
    }

    private static string[] SecurityHcl(JsonElement value)
    {
        var options = Options(value);
        var master = MasterUser(options) switch
        {
            MasterUserKind.Internal => new[] { "  master_user_options {", "    master_user_name     = var.master_user_name", "    master_user_password = var.master_user_password", "  }" },
            MasterUserKind.Iam => ["  master_user_options {", "    master_user_arn = var.master_user_arn", "  }"],
            _ => [],
        };
        var block = HclBlock(DomainOptions.Security.TerraformBlock, options, "");
        return [.. block[..^1], .. master, block[^1]];
    }

    private static Func<JsonElement, string[]> Block(DomainOption option) => value => HclBlock(option.TerraformBlock, Options(value), "");

    // A block of the option's members by their Terraform names (EBSEnabled: ebs_enabled), a nested structure a nested block.
    private static string[] HclBlock(string name, JsonElement options, string indent) =>
    [
        $"{indent}{name} {{",
        .. options.EnumerateObject().SelectMany(member => member.Value.ValueKind == JsonValueKind.Object
            ? HclBlock(DomainOptions.TerraformName(member.Name), member.Value, indent + "  ")
            : [$"{indent}  {DomainOptions.TerraformName(member.Name)} = {HclValue(member.Value)}"]),
        $"{indent}}}",
    ];

    // One log_publishing_options block a log type.
    private static string[] LogBlocks(JsonElement value) =>
    [
        .. Options(value).EnumerateObject().SelectMany(log => new[] { $"{DomainOptions.LogPublishing.TerraformBlock} {{", $"  log_type = \"{Placeholders.HclString(log.Name)}\"" }
            .Concat(log.Value.EnumerateObject().Select(member => $"  {DomainOptions.TerraformName(member.Name)} = {HclValue(member.Value)}"))
            .Append("}")),
    ];

    private static string[] AdvancedOptionsMap(JsonElement value) =>
        [$"advanced_options = {{ {string.Join(", ", Options(value).EnumerateObject().Select(option => $"\"{Placeholders.HclString(option.Name)}\" = {HclValue(option.Value)}"))} }}"];

    private static string HclValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(HclValue))}]",
        _ => $"\"{Placeholders.HclString(value.GetString() ?? string.Empty)}\"",
    };
}
