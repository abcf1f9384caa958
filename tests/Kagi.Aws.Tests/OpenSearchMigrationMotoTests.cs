using System.Text.Json;
using System.Text.Json.Nodes;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.OpenSearch.Domains;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of an OpenSearch domain carries everything across. In moto, a domain with non-default
/// settings (engine version, four data nodes and three dedicated masters in two zones, gp3 storage with its IOPS and
/// throughput, two subnets and a security group of a VPC, an access policy, fine-grained access control with the internal
/// user database, node-to-node encryption, HTTPS required with a TLS policy, slow logs published, advanced options, the
/// automated snapshot hour, Auto-Tune, tags) on the AWS-managed aws/es key is scanned; the failing finding's AWS CLI
/// script runs exactly as printed (only the endpoint, the master user and the deletion's confirmation come from the
/// environment), and the rescan must show the new domain passing the CMK rule under a customer-managed key, every rule
/// that passed for the old domain passing for the new one, and moto's record of the new domain holding every setting the
/// old one had; the old domain is gone, and the snapshot bucket is encrypted under the new key. The same domain left
/// unencrypted is encrypted in place, keeping its settings.
/// </summary>
/// <remarks>
/// What moto cannot do, and so is not run: it has no OpenSearch REST API, so the snapshot calls (register the repository
/// on both domains, snapshot, restore, compare document counts) reach a recording <c>curl</c> that the script's bash
/// defines instead, which answers the same count for both domains; the test checks every request it was given, signed for
/// the region's <c>es</c> with the caller's credentials, against both domains' endpoints.
/// </remarks>
public sealed class OpenSearchMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "opensearch-domain-cmk-encryption";
    private const string StorageRule = "opensearch-domain-storage-encrypted";
    private const string MasterUserName = "search-admin";

    // Quotes and a backslash: the script must pass them to the API as they are.
    private const string MasterUserPassword = "Pa\"ss\\w0rd-$HOME";

    private const string Setup = """
        search = boto3.client("opensearch"); ec2 = boto3.client("ec2"); logs = boto3.client("logs")
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        subnets = [subnet["SubnetId"] for subnet in ec2.describe_subnets()["Subnets"]][:2]
        group_id = ec2.create_security_group(GroupName="search-clients", Description="search clients", VpcId=vpc)["GroupId"]
        logs.create_log_group(logGroupName="search-slow-logs")
        log_group = logs.describe_log_groups(logGroupNamePrefix="search-slow-logs")["logGroups"][0]["arn"]
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                             "Action": "es:ESHttp*", "Resource": "arn:aws:es:eu-west-1:123456789012:domain/*"}]})
        def domain(name, **encryption):
            search.create_domain(
                DomainName=name, EngineVersion="OpenSearch_2.11",
                ClusterConfig={"InstanceType": "r6g.large.search", "InstanceCount": 4, "DedicatedMasterEnabled": True,
                               "DedicatedMasterType": "m6g.large.search", "DedicatedMasterCount": 3,
                               "ZoneAwarenessEnabled": True, "ZoneAwarenessConfig": {"AvailabilityZoneCount": 2}},
                EBSOptions={"EBSEnabled": True, "VolumeType": "gp3", "VolumeSize": 100, "Iops": 4000, "Throughput": 250},
                VPCOptions={"SubnetIds": subnets, "SecurityGroupIds": [group_id]},
                AccessPolicies=policy,
                AdvancedSecurityOptions={"Enabled": True, "InternalUserDatabaseEnabled": True,
                                         "MasterUserOptions": {"MasterUserName": "search-admin", "MasterUserPassword": "Pa\"ss\\w0rd-$HOME"}},
                NodeToNodeEncryptionOptions={"Enabled": True},
                DomainEndpointOptions={"EnforceHTTPS": True, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"},
                LogPublishingOptions={"INDEX_SLOW_LOGS": {"CloudWatchLogsLogGroupArn": log_group, "Enabled": True}},
                AdvancedOptions={"rest.action.multi.allow_explicit_index": "false"},
                SnapshotOptions={"AutomatedSnapshotStartHour": 3},
                AutoTuneOptions={"DesiredState": "ENABLED"},
                TagList=[{"Key": "team", "Value": "search"}, {"Key": "env", "Value": "prod"}],
                **encryption)
        domain("managed", EncryptionAtRestOptions={"Enabled": True})
        domain("plain")
        """;

    // What create-domain was given, as moto keeps it and DescribeDomain returns it: all of it but the key and what moto makes up.
    private static readonly string[] Carried =
    [
        "EngineVersion", "ClusterConfig", "EBSOptions", "VPCOptions", "AccessPolicies", "AdvancedSecurityOptions", "NodeToNodeEncryptionOptions",
        "DomainEndpointOptions", "LogPublishingOptions", "AdvancedOptions", "SnapshotOptions", "AutoTuneOptions", "CognitoOptions",
    ];

    [Fact]
    public void The_printed_rebuild_of_a_domain_on_aws_es_carries_every_setting_and_breaks_no_rule_that_passed()
    {
        // Given the domain on aws/es, which the rule fails, as moto holds it
        var before = Stored("managed");
        using var curl = new RecordingCurl();

        // When its printed script runs with the master user and the old domain's deletion confirmed
        var fix = PrintedRebuild.RunWith(Endpoint, Region, CmkRule, resource => resource.Name is { IsKnown: true } known && known.Value == "managed", null, curl.Environment(new Dictionary<string, string>
        {
            ["MASTER_USER_NAME"] = MasterUserName,
            ["MASTER_USER_PASSWORD"] = MasterUserPassword,
            ["CONFIRM_DELETE_OLD_DOMAIN"] = "yes",
        }));

        // (with the non-default settings the scan read)
        var old = (OpenSearchDomain)fix.Finding.Resource;
        Assert.Equal(("OpenSearch_2.11", "search", "prod"), (old.EngineVersion.Value, old.Tags.Value["team"], old.Tags.Value["env"]));
        Assert.Contains("\"DedicatedMasterCount\":3", old.ClusterConfig.Value, StringComparison.Ordinal);
        Assert.Contains("\"Iops\":4000", old.EbsOptions.Value, StringComparison.Ordinal);

        // Then the new domain passes the CMK rule under a customer-managed key, and every rule that passed for the old one
        var replacement = fix.After.Resources.OfType<OpenSearchDomain>().Single(domain => domain.Name.Value == "managed-cmk");
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);
        Assert.Equal(ResultStatus.Pass, fix.AfterFindings.Single(f => f.Rule.Id == StorageRule && f.Resource.Id == replacement.Id).Status);

        // and moto's record of it holds every setting the old domain had (the master user given again), its tags, but its key
        var after = Stored("managed-cmk");
        AssertCarried(before, after);
        Assert.Equal(replacement.KmsKeyId.Value, after.Settings["EncryptionAtRestOptions"]!["KmsKeyId"]!.GetValue<string>());

        // and the old domain is gone, its final snapshot in a bucket encrypted by default under the new key, used by a role
        // OpenSearch Service may assume
        Assert.DoesNotContain(fix.After.Resources.OfType<OpenSearchDomain>(), domain => domain.Name.Value == "managed");
        var bucket = ExternalProcess.RunPython(
            """
            import boto3
            rule = boto3.client("s3").get_bucket_encryption(Bucket="managed-snapshots-123456789012")["ServerSideEncryptionConfiguration"]["Rules"][0]
            role = boto3.client("iam").get_role(RoleName="managed-snapshots")["Role"]
            print(rule["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"], role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"], role["Arn"])
            """,
            Endpoint,
            Region).Trim().Split(' ');
        Assert.Equal((replacement.KmsKeyId.Value, "es.amazonaws.com"), (bucket[0], bucket[1]));

        // and the data moved through that repository, by requests signed for es in the region, from the old domain's
        // endpoint to the new one's, the document counts compared before the switch
        const string Old = "https://managed.eu-west-1.es.amazonaws.com";
        const string New = "https://managed-cmk.eu-west-1.es.amazonaws.com";
        var requests = curl.Requests();
        Assert.Equal(
            [
                $"PUT {Old}/_snapshot/kagi-migration",
                $"PUT {New}/_snapshot/kagi-migration",
                $"PUT {Old}/_snapshot/kagi-migration/pre-cmk",
                $"GET {Old}/_snapshot/kagi-migration/pre-cmk?filter_path=snapshots.state",
                $"POST {New}/_snapshot/kagi-migration/pre-cmk/_restore",
                $"GET {New}/_cat/recovery?active_only=true&h=index",
                $"GET {New}/_cat/count/*,-.*?h=count",
                $"GET {Old}/_cat/count/*,-.*?h=count",
            ],
            requests.Select(request => $"{request.Method} {request.Url}"));
        Assert.All(requests, request => Assert.Equal(("aws:amz:eu-west-1:es", "testing:testing", "x-amz-security-token: testing"), (request.Signing, request.User, request.SessionToken)));
        var repository = JsonNode.Parse(requests[0].Data!)!["settings"]!;
        Assert.Equal(("managed-snapshots-123456789012", "eu-west-1", bucket[2]), (repository["bucket"]!.GetValue<string>(), repository["region"]!.GetValue<string>(), repository["role_arn"]!.GetValue<string>()));
        Assert.Equal(requests[0].Data, requests[1].Data);
    }

    [Fact]
    public void The_unencrypted_domain_is_encrypted_in_place_under_a_cmk_keeping_its_settings()
    {
        // Given the unencrypted domain, as moto holds it
        var before = Stored("plain");

        // When its printed fix runs (every finding that passed before still passes)
        var fix = PrintedCliFix.Run(Endpoint, Region, CmkRule, "plain");

        // Then the same domain is encrypted under a rotated customer-managed key, every other setting as it was
        Assert.Equal(CmkEncryptionRule<OpenSearchDomain>.UnencryptedVariant, fix.Finding.Result.RemediationVariant);
        fix.AssertProtectedByARotatedCmk(fix.Named("plain"));
        var after = Stored("plain");
        AssertCarried(before, after);
    }

    private static void AssertCarried((JsonObject Settings, string Tags) before, (JsonObject Settings, string Tags) after)
    {
        Assert.All(Carried, setting => Assert.True(
            JsonNode.DeepEquals(before.Settings[setting], after.Settings[setting]),
            $"{setting}: {before.Settings[setting]?.ToJsonString()} before, {after.Settings[setting]?.ToJsonString()} after"));
        Assert.Equal(before.Tags, after.Tags);
    }

    // A domain as moto's DescribeDomain returns it, and its tags.
    private (JsonObject Settings, string Tags) Stored(string name)
    {
        var lines = ExternalProcess.RunPython(
            $$"""
            import boto3, json
            search = boto3.client("opensearch")
            status = search.describe_domain(DomainName="{{name}}")["DomainStatus"]
            print(json.dumps(status))
            print(json.dumps(sorted((tag["Key"], tag["Value"]) for tag in search.list_tags(ARN=status["ARN"])["TagList"])))
            """,
            Endpoint,
            Region).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (JsonNode.Parse(lines[0])!.AsObject(), lines[1]);
    }

    /// <summary>
    /// A <c>curl</c> the script's bash defines before it runs (through <c>BASH_ENV</c>), which records each request (its
    /// arguments NUL-separated, the requests by a 0x01) and answers a document count to <c>_cat/count</c>, nothing to
    /// anything else: what the printed script's loops and checks read as done and equal.
    /// </summary>
    private sealed class RecordingCurl : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("kagi-curl-").FullName;

        public RecordingCurl() => File.WriteAllText(Definition, """
            curl() {
              { printf '%s\0' "$@"; printf '\1'; } >> "$KAGI_CURL_RECORD"
              case "$*" in *_cat/count*) echo 42 ;; esac
            }
            """);

        private string Definition => Path.Combine(_folder, "curl.sh");

        private string Record => Path.Combine(_folder, "requests");

        /// <summary>The script's environment: <paramref name="environment"/>, with this curl defined.</summary>
        public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> environment) => new(environment)
        {
            ["BASH_ENV"] = Definition,
            ["KAGI_CURL_RECORD"] = Record,
        };

        /// <summary>The requests made, in order.</summary>
        public IReadOnlyList<CurlRequest> Requests() =>
            [.. File.ReadAllText(Record).Split('\u0001', StringSplitOptions.RemoveEmptyEntries).Select(request => CurlRequest.Of(request.TrimEnd('\0').Split('\0')))];

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }

    /// <summary>What one curl call asked for: method, URL, body, and how it signed.</summary>
    private sealed record CurlRequest(string Method, string Url, string? Data, string Signing, string User, string? SessionToken)
    {
        public static CurlRequest Of(string[] arguments)
        {
            string? After(string option) => Array.IndexOf(arguments, option) is var at and >= 0 ? arguments[at + 1] : null;
            var headers = arguments.Select((argument, at) => (argument, at)).Where(pair => pair.argument == "--header").Select(pair => arguments[pair.at + 1]).ToList();
            return new(
                After("--request")!,
                arguments[Array.IndexOf(arguments, "--request") + 2],
                After("--data"),
                After("--aws-sigv4")!,
                After("--user")!,
                headers.FirstOrDefault(header => header.StartsWith("x-amz-security-token", StringComparison.Ordinal)));
        }
    }
}
