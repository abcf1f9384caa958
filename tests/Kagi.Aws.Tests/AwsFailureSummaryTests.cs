using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// A failed AWS call is told in Kagi's words: the call, the account and region, the kind of failure and AWS's error
/// code. AWS's own message is English and may quote the request, so it stays out of the reason in every language.
/// </summary>
public sealed class AwsFailureSummaryTests
{
    private const string AwsMessage = "User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: rds:DescribeDBClusters";

    public static TheoryData<AwsFailureKind> Kinds() => [.. Enum.GetValues<AwsFailureKind>()];

    [Fact]
    public void A_denied_call_names_the_call_account_region_and_error_code()
    {
        var reason = Unscanned(AwsFailureKind.AccessDenied, "AccessDeniedException").Describe();

        Assert.Equal(
            "could not read arn:aws:rds:eu-west-1:123456789012:cluster:*: rds:DescribeDBClusters in 123456789012/eu-west-1 failed: access denied (AccessDeniedException)",
            reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_failure_reads_in_japanese_with_no_english_sentence_and_without_aws_words(AwsFailureKind kind)
    {
        var english = Unscanned(kind, "SomeErrorCode").Describe();

        var japanese = TextTranslation.Translate(english, Language.Ja);

        Assert.DoesNotContain("not authorized", english, StringComparison.Ordinal);
        Assert.Null(EnglishSentences.FindIn(japanese));
        Assert.Contains("を読み取れませんでした", japanese, StringComparison.Ordinal);
        Assert.Contains("123456789012/eu-west-1 での rds:DescribeDBClusters が失敗しました", japanese, StringComparison.Ordinal);
        Assert.Contains("(SomeErrorCode)", japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_kind_of_failure_has_its_own_summary()
    {
        var summaries = Enum.GetValues<AwsFailureKind>().Select(kind => Failure(kind, "Code").Summary).ToList();

        Assert.Equal(summaries.Count, summaries.Distinct(StringComparer.Ordinal).Count());
    }

    private static AwsCallException Failure(AwsFailureKind kind, string code) =>
        new(AwsService.Rds, "DescribeDBClusters", kind, code, AwsMessage);

    private static UnscannedScope Unscanned(AwsFailureKind kind, string code) =>
        new RegionContext("123456789012", "eu-west-1", new RecordingProgress(), 1, CancellationToken.None)
            .Unscanned("AWS::Neptune::DBCluster", "arn:aws:rds:eu-west-1:123456789012:cluster:*", Failure(kind, code));
}
