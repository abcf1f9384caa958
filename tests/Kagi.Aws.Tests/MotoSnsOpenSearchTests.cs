using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.OpenSearch.Domains;
using Kagi.Rules.Aws.Sns.Topics;

namespace Kagi.Aws.Tests;

/// <summary>
/// SNS topics and OpenSearch domains against moto, an independent emulator: made with boto3, then scanned. moto lists no
/// alias/aws/sns, so a topic naming that alias is recognised as AWS-managed by the alias name alone; a domain encrypted
/// without a key names none in moto's answer, so it is judged on aws/es, the service default.
/// </summary>
public sealed class MotoSnsOpenSearchTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        sns = boto3.client("sns"); search = boto3.client("opensearch")
        cmk = kms.create_key(Description="sns and opensearch cmk")["KeyMetadata"]["Arn"]
        sns.create_topic(Name="pass-cmk", Attributes={"KmsMasterKeyId": cmk})
        sns.create_topic(Name="pass-cmk-by-id", Attributes={"KmsMasterKeyId": cmk.split("/")[-1]})
        sns.create_topic(Name="fail-aws-managed", Attributes={"KmsMasterKeyId": "alias/aws/sns"})
        sns.create_topic(Name="fail-unencrypted")
        for i in range(105):
            sns.create_topic(Name="paging-%03d" % i)
        search.create_domain(DomainName="pass-cmk", EncryptionAtRestOptions={"Enabled": True, "KmsKeyId": cmk})
        search.create_domain(DomainName="fail-aws-managed", EncryptionAtRestOptions={"Enabled": True})
        search.create_domain(DomainName="fail-unencrypted")
        boto3.client("es").create_elasticsearch_domain(DomainName="pass-legacy-cmk", EncryptionAtRestOptions={"Enabled": True, "KmsKeyId": cmk})
        for i in range(6):
            search.create_domain(DomainName="batch-%d" % i)
        print(json.dumps({"cmk": cmk}))
        """;

    [Theory]
    [InlineData("sns-topic-cmk-encryption", new[] { "pass-cmk", "pass-cmk-by-id", "fail-aws-managed", "fail-unencrypted" })]
    [InlineData("opensearch-domain-cmk-encryption", new[] { "pass-cmk", "pass-legacy-cmk", "fail-aws-managed", "fail-unencrypted" })]
    public void A_resource_on_a_cmk_passes_and_one_on_the_aws_managed_key_or_none_fails(string ruleId, string[] names) =>
        AssertEachGetsTheVerdictItsNameSays(ruleId, names);

    [Theory]
    [InlineData("sns-topic-storage-encrypted")]
    [InlineData("opensearch-domain-storage-encrypted")]
    public void Only_the_unencrypted_resource_fails_the_storage_rule(string ruleId)
    {
        var verdicts = Scans.Verdicts(Scan().Inventory, ruleId);

        Assert.Equal(ResultStatus.Fail, verdicts["fail-unencrypted"]);
        Assert.Equal(ResultStatus.Pass, verdicts["fail-aws-managed"]);
        Assert.Equal(ResultStatus.Pass, verdicts["pass-cmk"]);
    }

    [Fact]
    public void Topics_beyond_one_page_are_all_listed_each_by_its_arn_and_judged_by_its_real_key()
    {
        var inventory = Scan().Inventory;

        var topics = inventory.Resources.OfType<SnsTopic>().ToDictionary(topic => topic.Name.Value);
        Assert.Equal(109, topics.Count);
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:pass-cmk", topics["pass-cmk"].Id);
        Assert.Equal(Cmk, Assert.IsType<KeyReference.Described>(topics["pass-cmk-by-id"].Key).Key.Arn.Value);
        Assert.Equal(KeyLevel.AwsManaged, topics["fail-aws-managed"].KeyLevel.Value);
        Assert.Equal(KeyLevel.None, topics["fail-unencrypted"].KeyLevel.Value);
    }

    [Fact]
    public void Domains_of_both_engines_are_described_in_batches_and_judged_by_their_real_key()
    {
        var inventory = Scan().Inventory;

        var domains = inventory.Resources.OfType<OpenSearchDomain>().ToDictionary(domain => domain.Name.Value);
        Assert.Equal(10, domains.Count);
        Assert.Equal("arn:aws:es:eu-west-1:123456789012:domain/pass-legacy-cmk", domains["pass-legacy-cmk"].Id);
        Assert.Equal(Cmk, Assert.IsType<KeyReference.Described>(domains["pass-cmk"].Key).Key.Arn.Value);
        Assert.IsType<KeyReference.ServiceDefault>(domains["fail-aws-managed"].Key);
        Assert.Equal(KeyLevel.None, domains["batch-5"].KeyLevel.Value);
    }
}
