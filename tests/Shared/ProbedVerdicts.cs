using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Testing;

/// <summary>
/// A verdict set that watches its readers: it hands out the findings of the set it wraps, and every
/// <see cref="ProbeEvery"/> reads collects garbage and counts how many of the findings handed out so far are still
/// alive. A reader that keeps what it read shows as <see cref="MostAlive"/> growing with <see cref="Reads"/>.
/// </summary>
internal sealed class ProbedVerdicts(VerdictSet inner) : VerdictSet
{
    private const int ProbeEvery = 250;

    private readonly List<WeakReference<Finding>> _handedOut = [];

    public int Reads => _handedOut.Count;

    public int MostAlive { get; private set; }

    public override int Count => inner.Count;

    public override Finding this[int index]
    {
        get
        {
            var finding = inner[index];
            _handedOut.Add(new WeakReference<Finding>(finding));
            if (_handedOut.Count % ProbeEvery == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                MostAlive = Math.Max(MostAlive, _handedOut.Count(reference => reference.TryGetTarget(out _)));
            }

            return finding;
        }
    }

    public override ResultStatus StatusAt(int index) => inner.StatusAt(index);

    public override RuleMetadata RuleAt(int index) => inner.RuleAt(index);

    public override CloudResource ResourceAt(int index) => inner.ResourceAt(index);

    /// <summary>
    /// The catalogue's verdicts on <paramref name="count"/> Terraform clusters, alternately encrypted and not, each
    /// with its own name and tag: many findings of several statuses, cheap to make.
    /// </summary>
    public static ProbedVerdicts OfClusters(int count, ScanOptions options)
    {
        var clusters = Enumerable.Range(0, count).Select(index => (CloudResource)new NeptuneCluster
        {
            Id = $"aws_neptune_cluster.graph[{index}]",
            Name = Fact.Known($"graph-{index}"),
            Region = "eu-west-1",
            Location = new SourceLocation("main.tf", 10),
            Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "graph"),
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["team"] = $"team-{index % 7}" }),
            StorageEncrypted = Fact.Known(index % 2 == 0),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.ServiceDefault(),
        }).ToList();
        return new ProbedVerdicts(VerdictSet.Of(RuleEngine.Run(new Inventory(clusters, []), Kagi.Rules.RuleCatalog.All, options)));
    }
}
