using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Tests;

public sealed class RuleEngineTests
{
    private static readonly RuleMetadata Metadata = new()
    {
        Id = "always-fail",
        Service = "test",
        ResourceType = KmsKey.ResourceType,
        Severity = Severity.Medium,
        Title = new LocalizedText("t", "t"),
        Risk = new LocalizedText("r", "r"),
        Messages = new Dictionary<string, MessageText> { ["fail"] = new(new("failed {{name}}", "失敗 {{name}}"), new Dictionary<string, LocalizedText>()) },
        Remediation = new Remediation(new Dictionary<RemediationMedium, VariantText>
        {
            [RemediationMedium.Console] = Text("console"),
            [RemediationMedium.AwsCli] = Text("cli {{name}}"),
            [RemediationMedium.Terraform] = Text("tf"),
        }),
        Equivalents = [],
    };

    [Fact]
    public void A_rule_that_throws_becomes_an_error_result_and_other_resources_are_still_judged()
    {
        var entries = new[] { new CatalogEntry(new ThrowsOnBroken(), Metadata with { Id = "throws-on-broken" }) };

        var findings = RuleEngine.Run(new Inventory([Key("ok"), Key("broken")], []), entries, ScanOptions.Default);

        Assert.Equal(ResultStatus.Fail, findings.Single(f => f.Resource.Id == "ok").Status);
        var error = findings.Single(f => f.Resource.Id == "broken");
        Assert.Equal(ResultStatus.Error, error.Status);
        Assert.Contains("boom", error.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_with_a_reason_mutes_a_failure_and_keeps_the_reason()
    {
        var key = Key("muted") with { Suppressions = [new Suppression("throws-on-broken", "accepted until migration", null)] };
        var entries = new[] { new CatalogEntry(new ThrowsOnBroken(), Metadata with { Id = "throws-on-broken" }) };

        var finding = Assert.Single(RuleEngine.Run(new Inventory([key], []), entries, ScanOptions.Default));

        Assert.Equal(ResultStatus.Muted, finding.Status);
        Assert.Contains("accepted until migration", FindingText.Render(finding, Language.En).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_rules_do_not_run()
    {
        var entries = new[] { new CatalogEntry(new ThrowsOnBroken(), Metadata with { Id = "throws-on-broken" }) };
        var options = new ScanOptions { SkipRules = new HashSet<string> { "throws-on-broken" } };

        Assert.Empty(RuleEngine.Run(new Inventory([Key("ok")], []), entries, options));
    }

    [Fact]
    public void Fingerprints_depend_on_rule_and_resource_only()
    {
        // A stored finding keeps its fingerprint across versions: pinned to sha256("a\nr")[..16], computed outside Kagi
        Assert.Equal("8f71152f13cf24f649688bc1f7f9a7a6", Finding.ComputeFingerprint("a", "r"));
        Assert.NotEqual(Finding.ComputeFingerprint("a", "r"), Finding.ComputeFingerprint("b", "r"));
        Assert.NotEqual(Finding.ComputeFingerprint("a", "r1"), Finding.ComputeFingerprint("a", "r"));
    }

    [Fact]
    public void The_same_address_in_two_root_modules_has_two_fingerprints()
    {
        var entries = new[] { new CatalogEntry(new ThrowsOnBroken(), Metadata with { Id = "throws-on-broken" }) };
        var inventory = new Inventory([Key("aws_kms_key.this") with { Scope = "envs/prod" }, Key("aws_kms_key.this") with { Scope = "envs/dev" }], []);

        var findings = RuleEngine.Run(inventory, entries, ScanOptions.Default);

        // Then each is sha256("rule\nscope//address")[..16], computed outside Kagi
        Assert.Equal(["4c169ab9d9914a424b7f78d9fe784785", "a6870fb2c56df36feb6296346bfabc59"], findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rule_ids_come_from_class_names() =>
        Assert.Equal("neptune-cluster-cmk-encryption", RuleIds.FromTypeName("NeptuneClusterCmkEncryption"));

    private static VariantText Text(string text) =>
        new(new Dictionary<string, LocalizedText> { [VariantText.DefaultVariant] = new(text, text) });

    private static KmsKey Key(string id) => new()
    {
        Id = id,
        Name = Fact.Known(id),
        Arn = Fact.Unknown<string>("computed"),
        Manager = Fact.Known(KeyManager.Customer),
        InCustomKeyStore = Fact.Known(false),
    };

    private sealed class ThrowsOnBroken : Rule<KmsKey>
    {
        protected override RuleResult Evaluate(KmsKey resource, ScanOptions options) =>
            resource.Id == "broken" ? throw new InvalidOperationException("boom") : Fail();
    }
}
