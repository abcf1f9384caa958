using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Terraform;
using Kagi.Testing;

using static Kagi.Testing.LiveResources;

namespace Kagi.Store.Tests;

/// <summary>A stored finding explains itself as its scan did: same message, same fixes, filled for the same resource.</summary>
public sealed class DetailTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Every_stored_finding_renders_the_same_texts_and_fixes_as_the_scan_that_found_it(StoreKind kind)
    {
        var findings = RealFindings();
        // The store follows a finding from its first failure; results that never failed are kept only in the scan's rows.
        var stored = findings.Where(finding => finding.Status == ResultStatus.Fail).ToList();
        Assert.True(stored.Count > 40, $"the fixtures gave only {stored.Count} failing results");
        Assert.Contains(stored, finding => finding.Result.RemediationVariant is not null);
        Assert.Contains(stored, finding => finding.Resource.Declaration is null);
        using var store = TestStores.Open(kind);

        store.SaveScan(Scans.Report(ScanSource.Iac, ["fixtures"], findings));

        foreach (var original in stored)
        {
            var tracked = store.FindFinding(original.Fingerprint);
            Assert.NotNull(tracked);
            var rebuilt = tracked.Explain(original.Rule);
            foreach (var language in new[] { Language.En, Language.Ja })
            {
                Assert.Equal(FindingText.Render(original, language), FindingText.Render(rebuilt, language));
            }

            Assert.Equal(original.Resource.Name.IsKnown ? original.Resource.Name.Value : null, tracked.ResourceName);
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void The_detail_follows_the_latest_result_and_survives_the_finding_being_resolved_by_absence(StoreKind kind)
    {
        var rule = RuleCatalog.Find("neptune-cluster-cmk-encryption")!;
        using var store = TestStores.Open(kind);
        var awsManaged = Judge(rule, Cluster("orders", new KeyReference.Described(Key("aws", KeyManager.Aws))));
        var unencrypted = Judge(rule, Cluster("orders", new KeyReference.ServiceDefault(), encrypted: false));

        store.SaveScan(Scans.LiveScan(["eu-west-1"], awsManaged));
        store.SaveScan(Scans.LiveScan(["eu-west-1"], unencrypted));
        store.SaveScan(Scans.LiveScan(["eu-west-1"]));

        var tracked = store.FindFinding(unencrypted.Fingerprint)!;
        Assert.Equal(FindingState.Resolved, tracked.State);
        Assert.Equal("unencrypted", tracked.Detail!.RemediationVariant);
        Assert.Equal(FindingText.Render(unencrypted, Language.En), FindingText.Render(tracked.Explain(rule.Metadata), Language.En));
        Assert.Contains("orders", FindingText.Render(tracked.Explain(rule.Metadata), Language.En).FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_finding_stored_before_details_were_kept_still_renders_and_a_new_scan_fills_it_in(StoreKind kind)
    {
        var location = TestStores.NewLocation(kind);
        var rule = RuleCatalog.Find("neptune-cluster-cmk-encryption")!;
        var finding = Judge(rule, Cluster("billing", new KeyReference.Described(Key("aws", KeyManager.Aws))));
        using (var connection = SqlDialect.For(kind).Open(location.ConnectionString))
        {
            Schema.Migrate(connection, SqlDialect.For(kind), toVersion: 1);
            new Sql(connection, null).Execute(
                "INSERT INTO findings (fingerprint, source, coverage_key, rule_id, resource_id, resource_type, account, region, file, line, severity, state, last_status, " +
                "first_seen_at, first_scan_id, last_seen_at, last_scan_id, changed_at, changed_scan_id) " +
                "VALUES (@fp, 'aws', 'aws|111122223333|eu-west-1', @rule, @id, 'AWS::Neptune::DBCluster', '111122223333', 'eu-west-1', NULL, NULL, 'high', 'OPEN', 'FAIL', 0, 1, 0, 1, 0, 1)",
                ("@fp", finding.Fingerprint),
                ("@rule", rule.Metadata.Id),
                ("@id", finding.Resource.Id));
        }

        using var store = FindingStore.Open(location, TimeProvider.System);
        var old = store.FindFinding(finding.Fingerprint)!;
        Assert.Null(old.Detail);
        var text = FindingText.Render(old.Explain(rule.Metadata), Language.En);
        Assert.Contains(" NAME", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.DoesNotContain("billing", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);

        store.SaveScan(Scans.LiveScan(["eu-west-1"], finding));

        Assert.Equal(FindingText.Render(finding, Language.En), FindingText.Render(store.FindFinding(finding.Fingerprint)!.Explain(rule.Metadata), Language.En));
    }

    [Fact]
    public void A_detail_that_does_not_read_counts_as_not_recorded()
    {
        Assert.Null(ResultDetail.FromJson("{\"messageKey\":"));
        Assert.Null(ResultDetail.FromJson("{\"name\":\"x\"}"));
        Assert.Null(ResultDetail.FromJson("[]"));
        Assert.Equal("fail", ResultDetail.FromJson("{\"messageKey\":\"fail\",\"evidence\":{\"keyLevel\":\"aws-managed\"}}")!.MessageKey);
    }

    [Fact]
    public void A_detail_stored_with_a_terraform_address_rebuilds_the_terraform_declaration()
    {
        // Given a detail as stores kept it before declarations were source-neutral, and one kept today
        var older = ResultDetail.FromJson("{\"terraformType\":\"aws_neptune_cluster\",\"terraformName\":\"graph\",\"messageKey\":\"fail\",\"evidence\":{}}")!;
        var declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "graph");
        var current = ResultDetail.FromJson(new ResultDetail(null, declaration, "fail", null, new Dictionary<string, string?>()).ToJson())!;

        // Then both rebuild the same declaration
        var rule = RuleCatalog.Find("neptune-cluster-cmk-encryption")!.Metadata;
        var seen = DateTimeOffset.UnixEpoch;
        var tracked = new TrackedFinding(
            "f", "iac", rule.Id, "aws_neptune_cluster.graph", rule.ResourceType, null, null, "main.tf", 1, rule.Severity, FindingState.Open, ResultStatus.Fail, seen, 1, seen, 1, seen, 1);
        Assert.Equal(declaration, older.Rebuild(tracked, rule).Resource.Declaration);
        Assert.Equal(declaration, current.Rebuild(tracked, rule).Resource.Declaration);
    }

    [Fact]
    public void A_stored_template_finding_keeps_its_syntax_so_its_fix_is_written_in_json_again()
    {
        var declaration = new SourceAddress(ResourceSources.CloudFormation, "AWS::Neptune::DBCluster", "Graph") { Syntax = "json" };
        var detail = ResultDetail.FromJson(new ResultDetail(null, declaration, "fail", null, new Dictionary<string, string?> { ["keyLevel"] = "aws-managed" }).ToJson())!;

        var rule = RuleCatalog.Find("neptune-cluster-cmk-encryption")!.Metadata;
        var seen = DateTimeOffset.UnixEpoch;
        var tracked = new TrackedFinding(
            "f", "iac", rule.Id, "AWS::Neptune::DBCluster.Graph", rule.ResourceType, null, null, "template.json", 3, rule.Severity, FindingState.Open, ResultStatus.Fail, seen, 1, seen, 1, seen, 1);
        var fix = FindingText.Render(detail.Rebuild(tracked, rule), Language.En).Fixes.Single(fix => fix.Medium == RemediationMedium.CloudFormation);

        Assert.Equal(declaration, detail.Rebuild(tracked, rule).Resource.Declaration);
        Assert.Equal("json", fix.CodeLanguage);
        Assert.Contains("\"Graph\": {", fix.Text, StringComparison.Ordinal);
    }

    // Every rule's pass and fail fixtures and every example, judged by every rule: the variety a real store meets.
    private static IReadOnlyList<Finding> RealFindings()
    {
        var root = RepoPaths.Root;
        var folders = Directory.GetDirectories(Path.Combine(root, "tests", "Kagi.Rules.Tests", "Fixtures"), "*", SearchOption.TopDirectoryOnly)
            .SelectMany(service => Directory.GetDirectories(service))
            .Concat(Directory.GetDirectories(Path.Combine(root, "examples")))
            .Order(StringComparer.Ordinal)
            .ToList();
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan(folders);
        var live = new CloudResource[]
        {
            Cluster("live-aws-managed", new KeyReference.Described(Key("aws", KeyManager.Aws))),
            Cluster("live-unencrypted", new KeyReference.ServiceDefault(), encrypted: false),
            Cluster("live-foreign-key", new KeyReference.Undetermined("key arn:aws:kms:eu-west-1:999999999999:key/x belongs to account 999999999999")),
        };
        return RuleEngine.Run(new Inventory([.. inventory.Resources, .. live], inventory.Diagnostics), RuleCatalog.All, ScanOptions.Default);
    }
}
