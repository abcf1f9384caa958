using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// What is particular to the kinds read through the JSON-protocol client (Secrets Manager secrets, CloudWatch Logs log
/// groups, Kinesis streams, ECR repositories; Backup vaults through the REST-JSON one) on the fake: a stream is listed,
/// then summarised one by one, and a refused summary is an ERROR of that stream only. Their verdicts, paging and listing
/// faults are proven with every other kind's (<see cref="StoreKindScanTests"/>, <see cref="ListingFaultTests"/>).
/// </summary>
public sealed class JsonApiKindTests
{
    [Fact]
    public async Task A_stream_whose_summary_is_denied_is_an_error_of_its_own_and_the_others_are_judged()
    {
        // Given two streams, the summary of the first denied
        var region = new FakeRegion
        {
            Stores = [new(Scenarios.Stream, "denied"), new(Scenarios.Stream, "fail_readable", Encrypted: false)],
            Faults = [new("kinesis", FaultKind.AccessDenied, Times: 1, Action: "DescribeStreamSummary")],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Denied] = region } });

        var findings = Scans.Judge(Scans.Run(fake.Endpoint, null, Scenarios.Denied).Inventory).Where(f => f.Rule.Id == "kinesis-stream-cmk-encryption").ToList();

        // Then the stream whose summary could not be read is an ERROR naming it and the call; the other is judged
        var error = Assert.Single(findings, f => f.Status == ResultStatus.Error);
        Assert.Matches(@"^arn:aws:kinesis:ap-northeast-1:111122223333:stream/(denied|fail_readable)$", error.Resource.Id);
        Assert.Contains("kinesis:DescribeStreamSummary", error.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, findings.Count);
    }
}
