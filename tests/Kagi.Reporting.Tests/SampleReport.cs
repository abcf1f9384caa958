using System.Runtime.CompilerServices;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Reporting.Tests;

/// <summary>A fixed scan with every status, a hostile resource name and tag value, tags known and unknown, and a parse error, for golden-file tests.</summary>
internal static class SampleReport
{
    public static string GoldenDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    public const string HostileTagValue = "<script>alert(1)</script>";

    // The two encryption rules only: golden files must not change each time a rule joins the catalogue.
    private static readonly ScanOptions Options = ScanOptions.Default with
    {
        Rules = new HashSet<string> { "neptune-cluster-storage-encrypted", "neptune-cluster-cmk-encryption" },
    };

    public static ScanReport Create(Language language = Language.En)
    {
        var key = new KmsKey
        {
            Id = "aws_kms_key.cmk",
            Name = Fact.Known("cmk"),
            Arn = Fact.Unknown<string>("computed at apply time"),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(false),
            Location = new SourceLocation("examples/app/main.tf", 1),
            Declaration = new SourceAddress(ResourceSources.Terraform, "aws_kms_key", "cmk"),
        };
        var resources = new CloudResource[]
        {
            Cluster("good", "good-graph", Fact.Known(true), new KeyReference.Described(key), 10) with { Tags = Tags(("owner", "team-a"), ("env", "prod")) },
            Cluster("aws_managed", "aws-managed-graph", Fact.Known(true), new KeyReference.ServiceDefault(), 20) with { Tags = Tags() },
            Cluster("hostile", "<script>alert(1)</script>", Fact.Known(false), new KeyReference.ServiceDefault(), 30) with { Tags = Tags(("owner", HostileTagValue)) },
            Cluster("literal", "literal-graph", Fact.Known(true), new KeyReference.KeyIdentifier("arn:aws:kms:eu-west-1:111122223333:key/abcd"), 40),
            Cluster("accepted", "accepted-graph", Fact.Known(true), new KeyReference.ServiceDefault(), 50) with
            {
                Suppressions = [new Suppression("neptune-cluster-cmk-encryption", "migrating in Q3", new SourceLocation("examples/app/main.tf", 49))],
            },
        };
        var inventory = new Inventory([key, .. resources], []);
        return new ScanReport
        {
            Source = ScanSource.Iac,
            Targets = ["examples/app"],
            StartedAt = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 11, 29, 3, 0, 1, TimeSpan.Zero),
            Findings = RuleEngine.Run(inventory, Kagi.Rules.RuleCatalog.All, Options),
            Diagnostics = [new ScanDiagnostic(DiagnosticSeverity.Error, "expected '=' after attribute name 'kms_key_arn'", new SourceLocation("examples/app/broken.tf", 3, 15))],
            Options = Options,
            Language = language,
            Inventory = inventory,
        };
    }

    private static Fact<IReadOnlyDictionary<string, string>> Tags(params (string Key, string Value)[] tags) =>
        Fact.Known<IReadOnlyDictionary<string, string>>(tags.ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal));

    private static NeptuneCluster Cluster(string tfName, string identifier, Fact<bool> encrypted, KeyReference key, int line) => new()
    {
        Id = $"aws_neptune_cluster.{tfName}",
        Name = Fact.Known(identifier),
        Region = "eu-west-1",
        Location = new SourceLocation("examples/app/main.tf", line),
        Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", tfName),
        StorageEncrypted = encrypted,
        KmsKeyId = Fact.Known<string?>(key is KeyReference.KeyIdentifier id ? id.Value : null),
        Key = key,
    };
}
