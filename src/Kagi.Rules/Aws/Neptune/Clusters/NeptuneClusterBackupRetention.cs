using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Automated backups are kept at least <see cref="ScanOptions.MinBackupRetentionDays"/> days (Security Hub: 7).</summary>
public sealed class NeptuneClusterBackupRetention : Rule<NeptuneCluster>
{
    protected override RuleResult Evaluate(NeptuneCluster cluster, ScanOptions options)
    {
        var minimum = ("minRetentionDays", options.MinBackupRetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return cluster.BackupRetentionPeriod switch
        {
            { IsKnown: false } days => Unknown(days.Reason!, minimum),
            var days when days.Value >= options.MinBackupRetentionDays => Pass(Days(days.Value), minimum),
            var days => Fail(Days(days.Value), minimum),
        };
    }

    private static (string Key, string? Value) Days(int days) =>
        ("retentionDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
