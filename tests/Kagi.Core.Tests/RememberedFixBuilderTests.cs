using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Core.Tests;

public sealed class RememberedFixBuilderTests
{
    [Fact]
    public void Equal_evidence_is_built_once_and_gives_the_parts_the_rule_builds()
    {
        // Given the Neptune rebuild rule's builder, remembered
        var rule = new NeptuneClusterCmkEncryption();
        var counted = new CountedBuilder(rule);
        var remembered = new RememberedFixBuilder(counted);

        // When two instances with the same settings (two evidence dictionaries of equal content) ask for their parts
        var first = remembered.Build(RemediationMedium.AwsCli, Evidence(deletionProtection: true), Language.En);
        var second = remembered.Build(RemediationMedium.AwsCli, Evidence(deletionProtection: true), Language.En);

        // Then the rule built them once, and they are what the rule builds
        Assert.Equal(1, counted.Builds);
        Assert.Same(first, second);
        Assert.Equal(rule.Build(RemediationMedium.AwsCli, Evidence(deletionProtection: true), Language.En), first);
        Assert.Contains("--deletion-protection", first["restoreToPointInTime"], StringComparison.Ordinal);
    }

    [Fact]
    public void Other_evidence_another_medium_or_another_language_is_built_for_itself()
    {
        var counted = new CountedBuilder(new NeptuneClusterCmkEncryption());
        var remembered = new RememberedFixBuilder(counted);

        var protectedCluster = remembered.Build(RemediationMedium.AwsCli, Evidence(deletionProtection: true), Language.En);
        var unprotected = remembered.Build(RemediationMedium.AwsCli, Evidence(deletionProtection: false), Language.En);
        var console = remembered.Build(RemediationMedium.Console, Evidence(deletionProtection: true), Language.En);
        var japanese = remembered.Build(RemediationMedium.Console, Evidence(deletionProtection: true), Language.Ja);

        Assert.Equal(4, counted.Builds);
        Assert.Contains("--no-deletion-protection", unprotected["restoreToPointInTime"], StringComparison.Ordinal);
        Assert.DoesNotContain("--no-deletion-protection", protectedCluster["restoreToPointInTime"], StringComparison.Ordinal);
        Assert.NotEqual(console["keep"], japanese["keep"]);
    }

    [Fact]
    public void Evidence_that_reads_alike_run_together_is_told_apart()
    {
        // Given two evidences whose names and values, written one after the other, make the same text
        var counted = new CountedBuilder(new NeptuneClusterCmkEncryption());
        var remembered = new RememberedFixBuilder(counted);
        var one = new Dictionary<string, string?> { ["ab"] = "c" };
        var other = new Dictionary<string, string?> { ["a"] = "bc" };

        // When both ask for their parts
        remembered.Build(RemediationMedium.AwsCli, one, Language.En);
        remembered.Build(RemediationMedium.AwsCli, other, Language.En);

        // Then each was built
        Assert.Equal(2, counted.Builds);
    }

    [Fact]
    public void It_keeps_at_most_its_capacity_and_forgets_the_rest()
    {
        // Given more distinct evidences than it keeps, each asked for once
        var counted = new CountedBuilder(new NeptuneClusterCmkEncryption());
        var remembered = new RememberedFixBuilder(counted);
        for (var index = 0; index <= RememberedFixBuilder.Capacity; index++)
        {
            remembered.Build(RemediationMedium.Console, new Dictionary<string, string?> { ["n"] = $"{index}" }, Language.En);
        }

        // When the first is asked for again
        remembered.Build(RemediationMedium.Console, new Dictionary<string, string?> { ["n"] = "0" }, Language.En);

        // Then it had been let go, and is built again
        Assert.Equal(RememberedFixBuilder.Capacity + 2, counted.Builds);
    }

    // The rebuild evidence of a cluster with one tag and no instances; only its deletion protection varies.
    private static Dictionary<string, string?> Evidence(bool deletionProtection) => new(StringComparer.Ordinal)
    {
        ["keyLevel"] = "aws-managed",
        ["minKeyLevel"] = "customer",
        ["rebuild"] = $$"""{"engine":"neptune","port":8182,"deletionProtection":{{(deletionProtection ? "true" : "false")}},"tags":{"Team":"team-0"},"instances":[],"notRead":[]}""",
    };

    private sealed class CountedBuilder(IFixBuilder builder) : IFixBuilder
    {
        public int Builds { get; private set; }

        public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
        {
            Builds++;
            return builder.Build(medium, evidence, language);
        }
    }
}
