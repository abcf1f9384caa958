using Kagi.Aws;

namespace Kagi.Cli;

/// <summary>
/// The collectors split into groups by service, for units that each read a part of a large region: a service's kinds
/// stay in one group, so no two units of an account × region call one service, and the per-service bound of a unit
/// stays the bound across every worker.
/// </summary>
internal static class ServiceGroups
{
    /// <summary>How many services the collectors call: the most groups there can be.</summary>
    public static int Services(IReadOnlyList<ILiveCollector> collectors) => collectors.Select(collector => collector.Service.SigningName).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The collectors of group <paramref name="group"/> of <paramref name="groups"/>: every <paramref name="groups"/>-th service, by name.</summary>
    public static IReadOnlyList<ILiveCollector> Of(IReadOnlyList<ILiveCollector> collectors, int group, int groups)
    {
        if (groups == 1)
        {
            return collectors;
        }

        var services = collectors.Select(collector => collector.Service.SigningName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [.. collectors.Where(collector => services.IndexOf(collector.Service.SigningName) % groups == group)];
    }
}
