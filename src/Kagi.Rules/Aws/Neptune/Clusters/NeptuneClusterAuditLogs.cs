using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The <c>audit</c> log is exported to CloudWatch Logs, where it outlives the cluster and can be alarmed on.</summary>
public sealed class NeptuneClusterAuditLogs : Rule<NeptuneCluster>
{
    private const string AuditLog = "audit";

    protected override RuleResult Evaluate(NeptuneCluster cluster, ScanOptions options) =>
        cluster.EnabledCloudwatchLogsExports switch
        {
            { IsKnown: false } exports => Unknown(exports.Reason!),
            var exports when exports.Value.Contains(AuditLog, StringComparer.Ordinal) => Pass(Exports(exports.Value)),
            var exports => Fail(Exports(exports.Value)),
        };

    private static (string Key, string? Value) Exports(IReadOnlyList<string> exports) =>
        ("logExports", exports.Count == 0 ? "-" : string.Join(", ", exports));
}
