using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Reporting.Tests;

/// <summary>The keys of a scan in its reports: the HTML Keys section and the Markdown one-line summary.</summary>
public sealed class KeyReportTests
{
    private const string HostileAlias = "alias/<script>alert('key')</script>";
    private const string CmkArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public void The_html_keys_section_lists_a_key_with_its_dependents_and_encodes_a_hostile_alias()
    {
        var html = Golden.Write(new HtmlReportWriter(), Report(Estate()));

        var section = Regex.Match(html, "<section class=\"keys\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains(CmkArn, section, StringComparison.Ordinal);
        Assert.Contains("alias/&lt;script&gt;alert(&#x27;key&#x27;)&lt;/script&gt;", section, StringComparison.Ordinal);
        Assert.Contains("PendingDeletion (2026-12-24T00:00:00Z)", section, StringComparison.Ordinal);
        Assert.Contains("<summary>2: 2 AWS::Neptune::DBCluster</summary>", section, StringComparison.Ordinal);
        Assert.Contains("<code>arn:aws:rds:eu-west-1:111122223333:cluster:on-cmk-1</code>", section, StringComparison.Ordinal);
        Assert.Contains("<code>arn:aws:rds:eu-west-1:111122223333:cluster:on-cmk-2</code>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void The_html_keys_section_is_japanese_in_japanese()
    {
        var html = Golden.Write(new HtmlReportWriter(), Report(Estate()) with { Language = Language.Ja });

        Assert.Contains("<h2>キーと保護対象</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th>公開ポリシー</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_keys_has_no_keys_section_and_no_key_line()
    {
        var report = Report(new Inventory([], []));

        Assert.DoesNotContain("class=\"keys\"", Golden.Write(new HtmlReportWriter(), report), StringComparison.Ordinal);
        Assert.DoesNotContain("Keys:", Golden.Write(new MarkdownReportWriter(), report), StringComparison.Ordinal);
        Assert.DoesNotContain("Keys:", Golden.Write(new MarkdownReportWriter(), report with { Inventory = null }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_key_line_counts_the_stores_on_each_level_and_the_cmks_pending_deletion()
    {
        var markdown = Golden.Write(new MarkdownReportWriter(), Report(Estate()));

        Assert.Contains(
            "🔑 Keys: 3 data store(s) on AWS-managed keys, 2 on customer-managed keys, 1 CMK(s) pending deletion protect 2 data store(s), 1 CMK(s) protect nothing scanned\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_key_line_is_japanese_in_japanese()
    {
        var markdown = Golden.Write(new MarkdownReportWriter(), Report(Estate()) with { Language = Language.Ja });

        Assert.Contains(
            "🔑 キー: AWS マネージドキーのデータストア 3 件、カスタマー管理キーのもの 2 件、削除保留中の CMK 1 個がデータストア 2 件を保護、スキャン対象を何も保護していない CMK 1 個\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_protects_nothing_of_a_level_the_line_does_not_count_is_still_told()
    {
        var awsManaged = Key("arn:aws:kms:eu-west-1:111122223333:key/aws-managed", "alias/aws/rds", KeyManager.Aws, "Enabled");

        var markdown = Golden.Write(new MarkdownReportWriter(), Report(new Inventory([awsManaged], [])));

        Assert.Contains("🔑 Keys: 1 key(s), none protecting a data store this scan saw\n", markdown, StringComparison.Ordinal);
    }

    // Three clusters on aws/rds, two on a CMK pending deletion whose alias is hostile, and a CMK protecting nothing.
    private static Inventory Estate()
    {
        var pending = Key(CmkArn, HostileAlias, KeyManager.Customer, "PendingDeletion") with { DeletionDate = Fact.Known<string?>("2026-12-24T00:00:00Z") };
        var unused = Key("arn:aws:kms:eu-west-1:111122223333:key/unused", "alias/unused", KeyManager.Customer, "Enabled");
        CloudResource[] clusters =
        [
            Cluster("on-aws-rds-1", new KeyReference.ServiceDefault()),
            Cluster("on-aws-rds-2", new KeyReference.ServiceDefault()),
            Cluster("on-aws-rds-3", new KeyReference.Alias("alias/aws/rds")),
            Cluster("on-cmk-1", new KeyReference.Described(pending), CmkArn),
            Cluster("on-cmk-2", new KeyReference.Described(pending), CmkArn),
        ];
        return new Inventory([pending, unused, .. clusters], []);
    }

    private static KmsKey Key(string arn, string alias, KeyManager manager, string state) => new()
    {
        Id = arn,
        Name = Fact.Known(alias),
        Region = "eu-west-1",
        Account = "111122223333",
        Arn = Fact.Known(arn),
        Manager = Fact.Known(manager),
        InCustomKeyStore = Fact.Known(false),
        State = Fact.Known(state),
        DeletionDate = Fact.Known<string?>(null),
        Aliases = Fact.Known<IReadOnlyList<string>>([alias]),
    };

    private static NeptuneCluster Cluster(string name, KeyReference key, string? keyArn = null) => new()
    {
        Id = $"arn:aws:rds:eu-west-1:111122223333:cluster:{name}",
        Name = Fact.Known(name),
        Region = "eu-west-1",
        Account = "111122223333",
        StorageEncrypted = Fact.Known(true),
        KmsKeyId = Fact.Known(keyArn),
        Key = key,
    };

    private static ScanReport Report(Inventory inventory) => new()
    {
        Source = ScanSource.Aws,
        Targets = ["111122223333"],
        StartedAt = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 12, 3, 0, 0, 1, TimeSpan.Zero),
        Findings = RuleEngine.Run(inventory, Kagi.Rules.RuleCatalog.All, ScanOptions.Default),
        Diagnostics = [],
        Options = ScanOptions.Default,
        Inventory = inventory,
    };
}
