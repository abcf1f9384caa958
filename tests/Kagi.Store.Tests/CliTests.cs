using System.Runtime.CompilerServices;
using Kagi.Cli;
using Kagi.Testing;

namespace Kagi.Store.Tests;

/// <summary>The store as a user meets it: through <c>kagi scan --store</c> and <c>kagi findings</c>.</summary>
public sealed class CliTests
{
    private const string MutedRule = "neptune-cluster-cmk-encryption";

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_scan_is_stored_and_its_findings_listed_as_new(StoreKind kind)
    {
        // Given an empty store
        var store = TestStores.NewLocation(kind).ConnectionString;

        // When a Terraform folder with failing clusters is scanned into it
        var scan = Run("scan", "iac", Fixture(), "--store", store);
        var list = Run("findings", "list", "--store", store, "--format", "json");

        // Then the scan fails as before, and its failures are in the store as NEW
        Assert.Equal(ExitCodes.Failing, scan.ExitCode);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("\"state\": \"NEW\"", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\": \"OPEN\"", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_rule_muted_in_the_store_shows_as_muted_in_the_scan_report_and_stops_failing_it(StoreKind kind)
    {
        var store = TestStores.NewLocation(kind).ConnectionString;
        var before = Run("scan", "iac", Fixture(), "--store", store, "--format", "json");

        var mute = Run("findings", "mute", MutedRule, "--reason", "accepted until the CMK rollout", "--by", "alice", "--store", store);
        var after = Run("scan", "iac", Fixture(), "--store", store, "--format", "json", "--rules", MutedRule);
        var mutes = Run("findings", "mutes", "--store", store);

        Assert.Contains("\"status\": \"FAIL\"", before.Output, StringComparison.Ordinal);
        Assert.Equal(0, mute.ExitCode);
        Assert.Contains("\"status\": \"MUTED\"", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\": \"FAIL\"", after.Output, StringComparison.Ordinal);
        Assert.Contains("accepted until the CMK rollout", after.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Clean, after.ExitCode);
        Assert.Contains("alice", mutes.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Unmute_lifts_the_mute_and_keeps_it_in_the_audit_trail(StoreKind kind)
    {
        var store = TestStores.NewLocation(kind).ConnectionString;
        Run("findings", "mute", MutedRule, "--reason", "r", "--by", "alice", "--store", store);

        var unmute = Run("findings", "unmute", MutedRule, "--by", "bob", "--store", store);
        var active = Run("findings", "mutes", "--store", store);
        var audit = Run("findings", "mutes", "--all", "--store", store);
        var scan = Run("scan", "iac", Fixture(), "--store", store, "--rules", MutedRule, "--format", "json");

        Assert.Equal(0, unmute.ExitCode);
        Assert.DoesNotContain("alice", active.Output, StringComparison.Ordinal);
        Assert.Contains("lifted", audit.Output, StringComparison.Ordinal);
        Assert.Contains("bob", audit.Output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"FAIL\"", scan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_muted_by_the_id_it_had_before_is_muted_under_its_id_now()
    {
        var store = TestStores.NewLocation(StoreKind.Sqlite).ConnectionString;

        var mute = Run("findings", "mute", "neptune-cluster-key-usable", "--reason", "r", "--by", "alice", "--store", store);

        Assert.Equal(0, mute.ExitCode);
        Assert.Contains("kms-key-in-use-usable", mute.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("neptune-cluster-key-usable", mute.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mute_that_matches_nothing_stored_is_refused_unless_forced()
    {
        // Given a store holding the failures of one scan
        var store = TestStores.NewLocation(StoreKind.Sqlite).ConnectionString;
        Run("scan", "iac", Fixture(), "--store", store);

        // When a mistyped rule ID is muted (it reads as a resource glob), then nothing is muted and the user is told why
        var typo = Run("findings", "mute", "neptune-cluster-cmk-encryptoin", "--reason", "r", "--by", "alice", "--store", store);
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("neptune-cluster-cmk-encryptoin", typo.Error, StringComparison.Ordinal);
        Assert.Contains("--force", typo.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", Run("findings", "mutes", "--store", store).Output, StringComparison.Ordinal);

        // A glob that matches a stored finding's resource is muted at once; one for resources still to come needs --force
        var matching = Run("findings", "mute", "aws_neptune_cluster.*", "--reason", "r", "--by", "bob", "--store", store);
        var forced = Run("findings", "mute", "aws_neptune_cluster.future_*", "--reason", "r", "--by", "carol", "--force", "--store", store);
        Assert.Equal(ExitCodes.Clean, matching.ExitCode);
        Assert.Equal(ExitCodes.Clean, forced.ExitCode);
        var mutes = Run("findings", "mutes", "--store", store).Output;
        Assert.Contains("bob", mutes, StringComparison.Ordinal);
        Assert.Contains("carol", mutes, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_the_last_two_scans_shows_what_is_new_and_what_is_still_open()
    {
        var store = TestStores.NewLocation(StoreKind.Sqlite).ConnectionString;
        Run("scan", "iac", Fixture(), "--store", store, "--rules", MutedRule);
        Run("scan", "iac", Fixture(), "--store", store);

        var diff = Run("findings", "diff", "--store", store);

        Assert.Equal(0, diff.ExitCode);
        Assert.Matches(@"(?m)^[1-9][0-9]* new, 0 resolved, [1-9][0-9]* still open$", diff.Output);
    }

    [Fact]
    public void A_baseline_makes_only_failures_not_in_it_fail_the_scan()
    {
        var folder = Directory.CreateTempSubdirectory("kagi-baseline-").FullName;
        var baseline = Path.Combine(folder, "kagi-baseline.json");

        var write = Run("scan", "iac", Fixture(), "--no-store", "--write-baseline", baseline, "--rules", MutedRule);
        var same = Run("scan", "iac", Fixture(), "--no-store", "--baseline", baseline, "--rules", MutedRule);
        var more = Run("scan", "iac", Fixture(), "--no-store", "--baseline", baseline);

        Assert.Equal(ExitCodes.Failing, write.ExitCode);
        Assert.Contains("\"fingerprints\"", File.ReadAllText(baseline), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Clean, same.ExitCode);
        Assert.Equal(ExitCodes.Failing, more.ExitCode);
    }

    [Fact]
    public void An_unreachable_store_is_a_clear_error_and_the_findings_are_still_printed()
    {
        var scan = Run("scan", "iac", Fixture(), "--store", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2", "--format", "json");

        Assert.Equal(ExitCodes.BadInput, scan.ExitCode);
        Assert.Contains("findings store failed", scan.Error, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"FAIL\"", scan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Querying_a_store_file_that_does_not_exist_says_so_and_creates_nothing()
    {
        var missing = Path.Combine(Directory.CreateTempSubdirectory("kagi-missing-").FullName, "typo", "kagi.db");

        var list = Run("findings", "list", "--store", missing);

        Assert.Equal(ExitCodes.BadInput, list.ExitCode);
        Assert.Contains("no findings store at", list.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public void The_store_location_comes_from_the_option_then_KAGI_STORE_then_the_home_folder()
    {
        Assert.Equal(StoreKind.Postgres, StoreLocation.Resolve("postgres://u:secret@db.example:6543/kagi", _ => "/ignored").Kind);
        Assert.Equal(Path.GetFullPath("/tmp/env.db"), StoreLocation.Resolve(null, _ => "/tmp/env.db").ConnectionString);
        Assert.EndsWith(Path.Combine(".kagi", "kagi.db"), StoreLocation.Resolve(null, _ => null).ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", StoreLocation.Parse("postgres://u:secret@db.example:6543/kagi").Describe(), StringComparison.Ordinal);
        Assert.Contains("Port=6543", StoreLocation.Parse("postgres://u:secret@db.example:6543/kagi").ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_mute_by_tag_mutes_the_findings_of_the_resources_with_that_tag_only(StoreKind kind)
    {
        // Given a store that holds a scan of two failing clusters, one owned by team A
        var store = TestStores.NewLocation(kind).ConnectionString;
        var folder = Directory.CreateTempSubdirectory("kagi-tag-mute-").FullName;
        File.WriteAllText(Path.Combine(folder, "main.tf"), """
            resource "aws_neptune_cluster" "team_a" {
              cluster_identifier = "team-a"
              tags               = { owner = "team-a" }
            }
            resource "aws_neptune_cluster" "team_b" {
              cluster_identifier = "team-b"
              tags               = { owner = "team-b" }
            }
            """);
        Run("scan", "iac", folder, "--store", store, "--rules", MutedRule);

        // When team A's findings are muted by tag and the folder is scanned again
        var mute = Run("findings", "mute", "--tag", "owner=team-a", "--reason", "team A accepts", "--by", "alice", "--store", store);
        var after = Run("scan", "iac", folder, "--store", store, "--format", "json", "--rules", MutedRule);

        // Then only team A's cluster is muted, and the mute says it matches by tag
        Assert.Equal(0, mute.ExitCode);
        Assert.Contains("tag", mute.Output, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(after.Output);
        var statuses = json.RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(finding => finding.GetProperty("resource").GetProperty("id").GetString()!, finding => finding.GetProperty("status").GetString());
        Assert.Equal("MUTED", statuses["aws_neptune_cluster.team_a"]);
        Assert.Equal("FAIL", statuses["aws_neptune_cluster.team_b"]);
        var listed = Run("findings", "list", "--store", store, "--format", "json", "--status", "muted");
        using var list = System.Text.Json.JsonDocument.Parse(listed.Output);
        var tags = Assert.Single(list.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("resource").GetProperty("tags");
        Assert.Equal("team-a", tags.GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("--tag", "owner")]
    [InlineData("neptune-cluster-cmk-encryption", "--tag", "owner=team-a")]
    [InlineData]
    public void A_mute_needs_either_a_pattern_or_a_well_formed_tag(params string[] what)
    {
        var store = TestStores.NewLocation(StoreKind.Sqlite).ConnectionString;

        var mute = Run(["findings", "mute", .. what, "--reason", "r", "--by", "alice", "--store", store]);

        Assert.Equal(ExitCodes.BadInput, mute.ExitCode);
        Assert.Contains(what.Length == 2 ? "--tag takes KEY=VALUE" : "either PATTERN or --tag", mute.Error, StringComparison.Ordinal);
    }

    internal static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KagiCommandLine.Run(args, output, error, TimeProvider.System);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string Fixture([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "examples", "aws-managed-alias"));
}
