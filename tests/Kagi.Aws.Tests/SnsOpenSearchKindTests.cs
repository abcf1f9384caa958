using Kagi.Aws.Tests.Fake;
using Kagi.Aws.Tests.Fake.Apis;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.OpenSearch.Domains;

namespace Kagi.Aws.Tests;

/// <summary>
/// What is particular to SNS topics (Query API: <c>ListTopics</c> + <c>GetTopicAttributes</c>) and OpenSearch domains
/// (REST-JSON: <c>ListDomainNames</c> + <c>DescribeDomains</c> five at a time) on the fake: each topic and domain described
/// once, their ARNs and default keys, and a refused description an ERROR of the resources it would have described only.
/// Their verdicts, paging and listing faults are proven with every other kind's (<see cref="StoreKindScanTests"/>,
/// <see cref="ListingFaultTests"/>).
/// </summary>
public sealed class SnsOpenSearchKindTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    [Fact]
    public void Every_topic_listed_is_described_once()
    {
        Assert.Equal(Scenarios.PagingTopics, scan.Fake.Count("sns", "GetTopicAttributes", Scenarios.Paging));
    }

    [Fact]
    public void Domains_are_listed_by_one_call_and_each_is_described_once()
    {
        Assert.Equal(1, scan.Fake.Count("es", "ListDomainNames", Scenarios.Paging));
        var domains = scan.Result.Inventory.Resources.OfType<OpenSearchDomain>().Where(domain => domain.Region == Scenarios.Paging).ToList();
        Assert.Equal(Scenarios.PagingDomains, domains.Count);
        Assert.Equal(Scenarios.PagingDomains, domains.Select(domain => domain.Name.Value).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_domain_is_identified_by_its_arn_and_an_encrypted_one_naming_no_key_is_on_aws_es()
    {
        var domains = scan.Result.Inventory.Resources.OfType<OpenSearchDomain>().Where(domain => domain.Region == Scenarios.Verdicts).ToDictionary(domain => domain.Name.Value);

        Assert.Equal("arn:aws:es:eu-west-1:111122223333:domain/pass_domain_cmk", domains["pass_domain_cmk"].Id);
        Assert.IsType<KeyReference.ServiceDefault>(domains["fail_domain_aws_managed_unnamed"].Key);
        Assert.Equal(KeyLevel.AwsManaged, domains["fail_domain_aws_managed_key"].KeyLevel.Value);
        Assert.Equal(KeyLevel.Hsm, domains["pass_domain_hsm"].KeyLevel.Value);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "search" }, domains["pass_domain_cmk"].Tags.Value);
        Assert.Empty(domains["fail_domain_aws_managed_key"].Tags.Value);
    }

    [Fact]
    public async Task A_domain_whose_tags_are_denied_is_still_judged_its_tags_unknown_naming_the_call()
    {
        // Given a tagged domain whose ListTags is denied
        var region = new FakeRegion
        {
            Stores = [new(Scenarios.Domain, "search", Encrypted: false) { Tags = new Dictionary<string, string> { ["team"] = "search" } }],
            Faults = [new("es", FaultKind.AccessDenied, Action: "ListTags")],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Denied] = region } });

        var inventory = Scans.Run(fake.Endpoint, null, Scenarios.Denied).Inventory;

        // Then the domain is judged as its description says, and its tags are unknown with the call that failed
        var domain = Assert.Single(inventory.Resources.OfType<OpenSearchDomain>());
        Assert.Equal(ResultStatus.Fail, Scans.Judge(inventory).Single(f => f.Rule.Id == "opensearch-domain-storage-encrypted").Status);
        Assert.False(domain.Tags.IsKnown);
        Assert.Contains("es:ListTags", domain.Tags.Reason, StringComparison.Ordinal);
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
