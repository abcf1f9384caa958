using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Reporting.Tests;

/// <summary>
/// The sample scan plus what only live scans and hostile input bring: a cluster with an ARN and an account,
/// an ERROR result, and names built to break out of HTML, Markdown, CSV and shell quoting.
/// </summary>
internal static class MixedReport
{
    public const string ImgName = "<img src=x onerror=\"document.title='pwned'\">";
    public const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"x\")";
    public const string MarkdownName = "pipe|and`tick`";

    /// <summary>A for_each key may hold any character, and it is part of the resource ID.</summary>
    public const string MarkdownKey = "markdown[\"a|b`c\"]";
    /// <summary>An alias is the key owner's free text: the HTML Keys section must show it as text.</summary>
    public const string HostileKeyAlias = "alias/<script>alert('key')</script>";
    public const string LiveArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:live-graph";

    public static ScanReport Create(Language language = Language.En)
    {
        var sample = SampleReport.Create(language);
        var cmk = Kagi.Rules.RuleCatalog.All.Single(entry => entry.Metadata.Id == "neptune-cluster-cmk-encryption");
        var live = new NeptuneCluster
        {
            Id = LiveArn,
            Name = Fact.Known("live-graph"),
            Region = "ap-northeast-1",
            Account = "111122223333",
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.ServiceDefault(),
        };
        var extra = new[]
        {
            Cluster("img", ImgName, 60),
            Cluster("formula", FormulaName, 70),
            Cluster(MarkdownKey, MarkdownName, 80),
            live,
        };
        var findings = RuleEngine.Run(new Inventory(extra, []), [cmk], ScanOptions.Default).ToList();
        var denied = live with { Id = "arn:aws:rds:ap-northeast-1:111122223333:cluster:denied-graph", Name = Fact.Known("denied-graph") };
        findings.Add(new Finding(cmk.Metadata, denied, RuleResult.Error("AccessDenied: rds:DescribeDBClusters")));
        var keyArn = "arn:aws:kms:ap-northeast-1:111122223333:key/hostile";
        var key = new KmsKey
        {
            Id = keyArn,
            Name = Fact.Known(HostileKeyAlias),
            Region = "ap-northeast-1",
            Account = "111122223333",
            Arn = Fact.Known(keyArn),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(false),
            Aliases = Fact.Known<IReadOnlyList<string>>([HostileKeyAlias]),
        };
        return sample with { Findings = [.. sample.Findings, .. findings], Inventory = new Inventory([.. sample.Inventory!.Resources, .. extra, key], []) };
    }

    private static NeptuneCluster Cluster(string tfName, string identifier, int line) => new()
    {
        Id = $"aws_neptune_cluster.{tfName}",
        Name = Fact.Known(identifier),
        Region = "eu-west-1",
        Location = new SourceLocation("examples/app/main.tf", line, 3),
        Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", tfName),
        StorageEncrypted = Fact.Known(true),
        KmsKeyId = Fact.Known<string?>(null),
        Key = new KeyReference.ServiceDefault(),
    };
}
