using System.Text.Json;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>Data sources that echo the provider's configuration read as known when the configuration is.</summary>
public sealed class ProviderDataSourceTests
{
    private const string KeyAndCluster = """
        data "aws_caller_identity" "current" {}
        data "aws_region" "current" {}
        data "aws_partition" "current" {}

        resource "aws_kms_key" "neptune" {
          enable_key_rotation = true
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Sid       = "Root"
              Effect    = "Allow"
              Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
              Action    = "kms:*"
              Resource  = "*"
              Condition = { StringEquals = { "kms:ViaService" = "rds.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}" } }
            }]
          })
        }

        resource "aws_neptune_cluster" "graph" {
          storage_encrypted = true
          kms_key_arn       = aws_kms_key.neptune.arn
        }
        """;

    private static Inventory Scan(string provider)
    {
        using var directory = new TempDirectory();
        directory.Write("providers.tf", provider);
        directory.Write("main.tf", KeyAndCluster);
        return new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
    }

    [Fact]
    public void With_one_allowed_account_the_caller_identity_region_and_partition_are_known()
    {
        var inventory = Scan("""
            provider "aws" {
              region              = "cn-north-1"
              allowed_account_ids = ["111122223333"]
            }
            """);

        var key = inventory.Resources.OfType<KmsKey>().Single();
        Assert.True(key.Policy.IsKnown, key.Policy.Reason);
        var statement = JsonDocument.Parse(key.Policy.Value).RootElement.GetProperty("Statement")[0];
        Assert.Equal("arn:aws-cn:iam::111122223333:root", statement.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("rds.cn-north-1.amazonaws.com.cn", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
        Assert.Equal("111122223333", key.Account);
        Assert.Equal(("111122223333", "cn-north-1"), (inventory.Resources.OfType<NeptuneCluster>().Single().Account, inventory.Resources.OfType<NeptuneCluster>().Single().Region));
    }

    [Theory]
    [InlineData("""allowed_account_ids = ["111122223333", "444455556666"]""")]
    [InlineData("""forbidden_account_ids = ["444455556666"]""")]
    [InlineData("")]
    public void Without_exactly_one_allowed_account_the_account_stays_unknown(string accounts)
    {
        var inventory = Scan($$"""
            provider "aws" {
              region = "eu-west-1"
              {{accounts}}
            }
            """);

        var key = inventory.Resources.OfType<KmsKey>().Single();
        Assert.False(key.Policy.IsKnown);
        Assert.Contains("data.aws_caller_identity.current.account_id", key.Policy.Reason, StringComparison.Ordinal);
        Assert.Null(key.Account);
        Assert.Equal("eu-west-1", key.Region);
    }

    [Fact]
    public void A_data_source_on_an_aliased_provider_answers_for_that_provider()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            provider "aws" { region = "eu-west-1" }
            provider "aws" {
              alias               = "audit"
              region              = "us-east-1"
              allowed_account_ids = ["999988887777"]
            }
            data "aws_caller_identity" "audit" { provider = aws.audit }
            data "aws_region" "audit" { provider = aws.audit }
            resource "aws_kms_key" "k" {
              description = "${data.aws_caller_identity.audit.account_id}/${data.aws_region.audit.name}"
            }
            """);

        var key = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]).Resources.OfType<KmsKey>().Single();

        Assert.Equal("999988887777/us-east-1", key.Name.Value);
        Assert.Null(key.Account);
        Assert.Equal("eu-west-1", key.Region);
    }
}
