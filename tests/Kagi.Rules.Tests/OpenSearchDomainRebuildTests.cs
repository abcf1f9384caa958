using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.OpenSearch.Domains;
using Kagi.Terraform;

namespace Kagi.Rules.Tests;

/// <summary>
/// Issue 17, on the Terraform side of an OpenSearch domain's rebuild: the mapper reads every setting the rebuild carries
/// from the block, and the Terraform fix writes them back as the same blocks, so the patched resource, read again, has
/// every setting the old one had and the key added. (The live side is <c>OpenSearchMigrationMotoTests</c>.)
/// </summary>
public sealed class OpenSearchDomainRebuildTests
{
    private const string Declared = """
        resource "aws_opensearch_domain" "search" {
          domain_name     = "search"
          engine_version  = "OpenSearch_2.11"
          access_policies = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"

          cluster_config {
            instance_type            = "r6g.large.search"
            instance_count           = 4
            dedicated_master_enabled = true
            dedicated_master_type    = "m6g.large.search"
            dedicated_master_count   = 3
            zone_awareness_enabled   = true
            zone_awareness_config {
              availability_zone_count = 2
            }
          }

          ebs_options {
            ebs_enabled = true
            volume_type = "gp3"
            volume_size = 100
            iops        = 4000
            throughput  = 250
          }

          vpc_options {
            subnet_ids         = ["subnet-a", "subnet-b"]
            security_group_ids = ["sg-search"]
          }

          advanced_security_options {
            enabled                        = true
            internal_user_database_enabled = true
            master_user_options {
              master_user_name     = "admin"
              master_user_password = "not-read"
            }
          }

          node_to_node_encryption {
            enabled = true
          }

          domain_endpoint_options {
            enforce_https       = true
            tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
          }

          log_publishing_options {
            log_type                 = "INDEX_SLOW_LOGS"
            cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:slow"
          }

          advanced_options = {
            "rest.action.multi.allow_explicit_index" = "false"
          }

          snapshot_options {
            automated_snapshot_start_hour = 3
          }

          encrypt_at_rest {
            enabled = true
          }

          tags = {
            team = "search"
          }
        }
        """;

    [Fact]
    public void The_terraform_fix_writes_back_every_setting_the_mapper_read_and_adds_the_key()
    {
        // Given a domain on aws/es with non-default settings, which the CMK rule fails
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "main.tf"), Declared);
        var (old, finding) = Scan(folder.Path);
        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Equal(
            """{"InstanceType":"r6g.large.search","InstanceCount":4,"DedicatedMasterEnabled":true,"DedicatedMasterType":"m6g.large.search","DedicatedMasterCount":3,"ZoneAwarenessEnabled":true,"ZoneAwarenessConfig":{"AvailabilityZoneCount":2}}""",
            old.ClusterConfig.Value);
        Assert.Equal("""{"INDEX_SLOW_LOGS":{"CloudWatchLogsLogGroupArn":"arn:aws:logs:eu-west-1:123456789012:log-group:slow"}}""", old.LogPublishingOptions.Value);
        Assert.Equal("""{"Enabled":true,"InternalUserDatabaseEnabled":true}""", old.AdvancedSecurityOptions.Value);

        // When its printed Terraform fix replaces the block (the key's own block and the master user's variables beside it)
        var fix = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.Terraform);
        Assert.DoesNotContain("# Not read", fix, StringComparison.Ordinal);
        Assert.Contains("master_user_password = var.master_user_password", fix, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder.Path, "main.tf"), fix.Replace("resource \"aws_opensearch_domain\" \"search\" {", "resource \"aws_opensearch_domain\" \"search\" {\n  domain_name = \"search\"", StringComparison.Ordinal)
            + "\nvariable \"master_user_name\" {}\nvariable \"master_user_password\" {}\n");
        var (patched, after) = Scan(folder.Path);

        // Then the patched domain passes under the new key, every setting read as before
        Assert.Equal(ResultStatus.Pass, after.Status);
        Assert.Equal(Settings(old), Settings(patched));
    }

    private static (OpenSearchDomain Domain, Finding Finding) Scan(string folder)
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([folder]);
        var finding = RuleEngine.Run(inventory, RuleCatalog.All, new ScanOptions { Rules = new HashSet<string> { "opensearch-domain-cmk-encryption" } })
            .Single(f => f.Resource.Id == "aws_opensearch_domain.search");
        return ((OpenSearchDomain)finding.Resource, finding);
    }

    private static string[] Settings(OpenSearchDomain domain) =>
    [
        .. new[]
        {
            domain.EngineVersion, domain.ClusterConfig, domain.EbsOptions, domain.AccessPolicies, domain.VpcOptions, domain.AdvancedSecurityOptions,
            domain.NodeToNodeEncryptionOptions, domain.DomainEndpointOptions, domain.LogPublishingOptions, domain.AdvancedOptions, domain.SnapshotOptions,
        }.Select(setting => setting.IsKnown ? setting.Value ?? "(none)" : $"unknown: {setting.Reason}"),
        string.Join(",", domain.Tags.Value.Select(tag => $"{tag.Key}={tag.Value}")),
    ];

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("kagi-opensearch-rebuild-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
