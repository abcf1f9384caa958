using Kagi.Rules.Aws.OpenSearch.Domains;
using Kagi.Rules.Aws.Sns.Topics;

namespace Kagi.Aws.Tests.Fake;

/// <summary>SNS topics (Query API) and OpenSearch domains (REST-JSON), on the keys the other scenarios hold.</summary>
internal static partial class Scenarios
{
    /// <summary>Three pages of 100 topics.</summary>
    public const int PagingTopics = 230;

    /// <summary>Five <c>DescribeDomains</c> batches of at most five.</summary>
    public const int PagingDomains = 23;

    public static readonly string Topic = SnsTopic.Descriptor.Type;

    public static readonly string Domain = OpenSearchDomain.Descriptor.Type;

    private static readonly Dictionary<string, string> Elasticsearch = new() { ["EngineType"] = "Elasticsearch" };

    // Only keys the verdict and paging regions already describe: the KMS call counts of the other scenarios stay as they are.
    private static void AddSnsOpenSearchStores(FakeScenario scenario)
    {
        string Key(int number, string account = Account) => KeyArn(Verdicts, number, account);
        scenario[Verdicts].Stores.AddRange(
        [
            new(Topic, "pass_topic_cmk", KmsKeyId: Key(1)),
            new(Topic, "pass_topic_cmk_by_id", KmsKeyId: Key(1)[(Key(1).LastIndexOf('/') + 1)..]),
            new(Topic, "pass_topic_customer_alias", KmsKeyId: "alias/app-data"),
            new(Topic, "fail_topic_aws_managed_alias", KmsKeyId: "alias/aws/sns"),
            new(Topic, "fail_topic_unencrypted", Encrypted: false),
            new(Topic, "unknown_topic_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
            new(Domain, "pass_domain_cmk", KmsKeyId: Key(1)) { Tags = new Dictionary<string, string> { ["team"] = "search" } },
            new(Domain, "pass_domain_hsm", KmsKeyId: Key(2)) { Extra = Elasticsearch },
            new(Domain, "fail_domain_aws_managed_key", KmsKeyId: Key(6)),
            new(Domain, "fail_domain_aws_managed_unnamed"),
            new(Domain, "fail_domain_unencrypted", Encrypted: false) { Extra = Elasticsearch },
            new(Domain, "unknown_domain_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
        ]);
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingTopics).Select(i => new FakeStore(Topic, $"pass_topic_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingDomains).Select(i => new FakeStore(Domain, $"pass_domain_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
    }
}
