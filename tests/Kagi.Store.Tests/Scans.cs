using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Store.Tests;

/// <summary>Builds scan reports by hand: which resources failed or passed, in which account and region or path.</summary>
internal static class Scans
{
    public static RuleMetadata Rule => RuleCatalog.Find("neptune-cluster-cmk-encryption")!.Metadata;

    public static Finding Live(string name, ResultStatus status, string region = "eu-west-1", string account = "111122223333") =>
        new(Rule, new TestResource
        {
            Id = $"arn:aws:rds:{region}:{account}:cluster:{name}",
            Name = Fact.Known(name),
            Region = region,
            Account = account,
        }, new RuleResult(status, "x", new Dictionary<string, string?>()));

    public static Finding Iac(string folder, string name, ResultStatus status) =>
        new(Rule, new TestResource
        {
            Id = $"aws_neptune_cluster.{name}",
            Name = Fact.Known(name),
            Scope = folder,
            Location = new SourceLocation(Path.Combine(folder, "main.tf"), 3),
        }, new RuleResult(status, "x", new Dictionary<string, string?>()));

    public static ScanReport LiveScan(IReadOnlyList<string> regions, params Finding[] findings) =>
        Report(ScanSource.Aws, [.. regions.Prepend("account 111122223333")], findings);

    public static ScanReport IacScan(IReadOnlyList<string> paths, params Finding[] findings) => Report(ScanSource.Iac, paths, findings);

    public static ScanReport Report(ScanSource source, IReadOnlyList<string> targets, IReadOnlyList<Finding> findings) => new()
    {
        Source = source,
        Targets = targets,
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
        Findings = findings,
        Diagnostics = [],
        Options = ScanOptions.Default,
    };

    private sealed record TestResource : CloudResource
    {
        public override ResourceKind Kind => ResourceKind.Named("AWS::Neptune::DBCluster");
    }
}
