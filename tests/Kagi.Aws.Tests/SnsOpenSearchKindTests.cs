using Kagi.Aws.Tests.Fake;
using Kagi.Aws.Tests.Fake.Apis;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.OpenSearch.Domains;

namespace Kagi.Aws.Tests;

/// <summary>
/// SNS topics (Query API: <c>ListTopics</c> + <c>GetTopicAttributes</c>) and OpenSearch domains (REST-JSON:
/// <c>ListDomainNames</c> + <c>DescribeDomains</c> five at a time) on the fake: each judged by its real key, every
/// topic page and domain batch read, throttling retried, a refused listing an ERROR of the region, and a refused
/// description an ERROR of the resources it would have described only.
/// </summary>
public sealed class SnsOpenSearchKindTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    /// <summary>One kind: its rules, CloudFormation type, IAM service prefix, listing and description calls.</summary>
    public sealed record Kind(string RuleId, string StorageRuleId, string Type, string Service)
    {
        public override string ToString() => RuleId;
    }

    private static readonly Dictionary<string, Kind> Kinds = new Kind[]
    {
        new("sns-topic-cmk-encryption", "sns-topic-storage-encrypted", Scenarios.Topic, "sns"),
        new("opensearch-domain-cmk-encryption", "opensearch-domain-storage-encrypted", Scenarios.Domain, "es"),
    }.ToDictionary(kind => kind.RuleId);

    public static TheoryData<string> RuleIds => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_resource_of_the_verdict_region_gets_the_verdict_its_name_says(string ruleId)
    {
        var kind = Kinds[ruleId];
        var verdicts = Scans.Verdicts(scan.Result.Inventory, ruleId, Scenarios.Verdicts);

        var names = Scenarios.All()[Scenarios.Verdicts].StoresOf(kind.Type).Select(store => store.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(Scans.Expected(name), verdicts[name]));
        Assert.Contains(ResultStatus.Unknown, verdicts.Values);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Only_the_unencrypted_resource_fails_the_storage_rule_and_the_cmk_rule_shows_it_the_unencrypted_fix(string ruleId)
    {
        var kind = Kinds[ruleId];
        var storage = Scans.Verdicts(scan.Result.Inventory, kind.StorageRuleId, Scenarios.Verdicts);

        var unencrypted = Assert.Single(storage, verdict => verdict.Value == ResultStatus.Fail).Key;
        Assert.EndsWith("_unencrypted", unencrypted, StringComparison.Ordinal);
        Assert.All(storage.Where(verdict => verdict.Key.Contains("aws_managed", StringComparison.Ordinal)), verdict => Assert.Equal(ResultStatus.Pass, verdict.Value));
        var cmk = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == ruleId && f.Resource.Name is { IsKnown: true } name && name.Value == unencrypted);
        Assert.Equal("unencrypted", cmk.Result.RemediationVariant);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_key_kms_will_not_describe_is_unknown_with_the_refusal_as_reason(string ruleId)
    {
        var finding = Assert.Single(
            Scans.Judge(scan.Result.Inventory),
            f => f.Rule.Id == ruleId && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name.Value.Contains("cross_account_denied", StringComparison.Ordinal));

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.Contains("kms:DescribeKey", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("999988887777", finding.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_topic_page_is_read_and_every_topic_described_once()
    {
        var calls = scan.Fake.Calls.Where(call => call.Service == "sns" && call.Region == Scenarios.Paging).ToList();

        Assert.Equal((Scenarios.PagingTopics + SnsApi.MaxPageSize - 1) / SnsApi.MaxPageSize, calls.Count(call => call.Action == "ListTopics"));
        Assert.Equal(Scenarios.PagingTopics, calls.Count(call => call.Action == "GetTopicAttributes"));
        var verdicts = Scans.Verdicts(scan.Result.Inventory, "sns-topic-cmk-encryption", Scenarios.Paging);
        Assert.Equal(Scenarios.PagingTopics, verdicts.Count);
        Assert.All(verdicts.Values, status => Assert.Equal(ResultStatus.Pass, status));
    }

    [Fact]
    public void Domains_are_listed_once_and_described_five_at_a_time_each_of_them_seen()
    {
        var calls = scan.Fake.Calls.Where(call => call.Service == "es" && call.Region == Scenarios.Paging).ToList();

        Assert.Equal(1, calls.Count(call => call.Action == "ListDomainNames"));
        Assert.Equal((Scenarios.PagingDomains + OpenSearchApi.MaxDescribed - 1) / OpenSearchApi.MaxDescribed, calls.Count(call => call.Action == "DescribeDomains"));
        var domains = scan.Result.Inventory.Resources.OfType<OpenSearchDomain>().Where(domain => domain.Region == Scenarios.Paging).ToList();
        Assert.Equal(Scenarios.PagingDomains, domains.Select(domain => domain.Name.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Scans.Verdicts(scan.Result.Inventory, "opensearch-domain-cmk-encryption", Scenarios.Paging).Values, status => Assert.Equal(ResultStatus.Pass, status));
    }

    [Fact]
    public void A_domain_is_identified_by_its_arn_and_an_encrypted_one_naming_no_key_is_on_aws_es()
    {
        var domains = scan.Result.Inventory.Resources.OfType<OpenSearchDomain>().Where(domain => domain.Region == Scenarios.Verdicts).ToDictionary(domain => domain.Name.Value);

        Assert.Equal("arn:aws:es:eu-west-1:111122223333:domain/pass_domain_cmk", domains["pass_domain_cmk"].Id);
        Assert.IsType<KeyReference.ServiceDefault>(domains["fail_domain_aws_managed_unnamed"].Key);
        Assert.Equal(KeyLevel.AwsManaged, domains["fail_domain_aws_managed_key"].KeyLevel.Value);
        Assert.Equal(KeyLevel.Hsm, domains["pass_domain_hsm"].KeyLevel.Value);
    }

    [Fact]
    public async Task A_topic_whose_attributes_are_denied_is_an_error_of_its_own_and_the_others_are_judged()
    {
        // Given three topics, the attributes of one of them denied
        var region = new FakeRegion
        {
            Stores = [new(Scenarios.Topic, "first"), new(Scenarios.Topic, "second"), new(Scenarios.Topic, "third")],
            Faults = [new("sns", FaultKind.AccessDenied, Times: 1, Action: "GetTopicAttributes")],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Denied] = region } });

        var findings = Scans.Judge(Scans.Run(fake.Endpoint, null, Scenarios.Denied).Inventory).Where(f => f.Rule.Id == "sns-topic-cmk-encryption").ToList();

        // Then the topic whose attributes could not be read is an ERROR naming it and the call; the two others fail (unencrypted)
        var error = Assert.Single(findings, f => f.Status == ResultStatus.Error);
        Assert.Matches(@"^arn:aws:sns:ap-northeast-1:111122223333:(first|second|third)$", error.Resource.Id);
        Assert.Contains("sns:GetTopicAttributes", error.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, findings.Count(f => f.Status == ResultStatus.Fail));
        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public async Task A_domain_batch_whose_description_is_denied_is_an_error_of_its_domains_only()
    {
        // Given seven domains (a batch of five and one of two), the description of one batch denied
        var names = Enumerable.Range(1, 7).Select(i => $"domain-{i}").ToList();
        var region = new FakeRegion
        {
            Stores = [.. names.Select(name => new FakeStore(Scenarios.Domain, name, Encrypted: false))],
            Faults = [new("es", FaultKind.AccessDenied, Times: 1, Action: "DescribeDomains")],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Denied] = region } });

        var findings = Scans.Judge(Scans.Run(fake.Endpoint, null, Scenarios.Denied).Inventory).Where(f => f.Rule.Id == "opensearch-domain-storage-encrypted").ToList();

        // Then the denied batch's domains are ERRORs naming each domain and the call; the other batch's are judged
        var errors = findings.Where(f => f.Status == ResultStatus.Error).Select(f => f.Resource.Id).Order(StringComparer.Ordinal).ToList();
        var batches = names.Chunk(OpenSearchDomainCollector.BatchSize).Select(batch => batch.Select(name => $"arn:aws:es:ap-northeast-1:111122223333:domain/{name}").ToList()).ToList();
        Assert.Contains(batches, batch => batch.SequenceEqual(errors));
        Assert.All(findings.Where(f => f.Status == ResultStatus.Error), f => Assert.Contains("es:DescribeDomains", f.Result.Reason, StringComparison.Ordinal));
        Assert.Equal(names.Count - errors.Count, findings.Count(f => f.Status == ResultStatus.Fail));
        Assert.Equal(names.Count, findings.Count);
        Assert.Equal(2, fake.Count("es", "DescribeDomains", Scenarios.Denied));
    }
}
