using Kagi.Core.Findings;
using Kagi.Core.Model;

namespace Kagi.Store;

/// <summary>
/// What a scan looked at, so it resolves only findings it could have seen: a live scan covers each account and
/// region it read in full; an IaC scan covers the paths it was given. A scan of another region or path never
/// resolves a finding, and neither does a region whose read failed.
/// </summary>
internal sealed class Coverage
{
    private readonly ScanReport _report;
    private readonly List<string> _iacTargets;

    public Coverage(ScanReport report)
    {
        _report = report;
        // A saved inventory is judged as the scan it was saved from, so its findings continue that scan's lifecycle.
        IsLive = report.Source == ScanSource.Aws || (report.Source == ScanSource.Inventory && report.Targets.Any(IsAccountTarget));
        _iacTargets = IsLive ? [] : [.. report.Targets.Select(FullPath).Order(StringComparer.Ordinal)];
        Keys = ComputeKeys();
    }

    /// <summary>The coverage keys this scan saw in full.</summary>
    public IReadOnlySet<string> Keys { get; }

    /// <summary>Scans with the same scope key looked at the same things: diff compares them by default.</summary>
    public string ScopeKey => _report.Source.ToString().ToLowerInvariant() + ":" + string.Join("|", IsLive ? [.. _report.Targets.Order(StringComparer.Ordinal)] : _iacTargets);

    /// <summary>The scan's <see cref="ScopeKey"/>, narrowed by its tag filter: it is compared only with scans that judged the same resources.</summary>
    public string ScanScopeKey => _report.Options.Tags.IsEmpty ? ScopeKey : $"{ScopeKey} {_report.Options.Tags}";

    /// <summary>What the scan looked at: live accounts ("aws") or Terraform ("iac"); the prefix of every coverage key.</summary>
    public string Source => IsLive ? "aws" : "iac";

    private bool IsLive { get; }

    /// <summary>The key of the part of the scan a finding belongs to.</summary>
    public string KeyOf(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!IsLive)
        {
            // The longest target holding the resource's file; a module declared outside every target belongs to the scan as a whole.
            var file = resource.Location?.File ?? resource.Scope;
            var holder = file is null ? null : _iacTargets.Where(target => Contains(target, FullPath(file))).MaxBy(target => target.Length);
            return Source + ":" + (holder ?? string.Join("|", _iacTargets));
        }

        return LiveKey(resource.Account, resource.Region);
    }

    private string LiveKey(string? account, string? region) => account is not null && region is not null ? $"{Source}:{account}:{region}" : ScopeKey;

    private HashSet<string> ComputeKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { ScopeKey };
        if (!IsLive)
        {
            keys.UnionWith(_iacTargets.Select(target => Source + ":" + target));
            keys.Add(Source + ":" + string.Join("|", _iacTargets));
            return keys;
        }

        // A region counts as covered when the scan read it and nothing in it went unread.
        var verdicts = _report.Verdicts;
        var unread = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < verdicts.Count; index++)
        {
            var (resourceAccount, region) = verdicts.PlaceAt(index);
            var key = LiveKey(resourceAccount, region);
            keys.Add(key);
            if (verdicts.IsUnreadAt(index))
            {
                unread.Add(key);
            }
        }

        // Targets list each account ("account ID" or "account ID (name)") followed by the regions read in it.
        string? account = null;
        foreach (var target in _report.Targets)
        {
            if (IsAccountTarget(target))
            {
                account = target["account ".Length..].Split(' ')[0];
            }
            else
            {
                keys.Add($"{Source}:{account}:{target}");
            }
        }

        keys.ExceptWith(unread);
        return keys;
    }

    private static bool IsAccountTarget(string target) => target.StartsWith("account ", StringComparison.Ordinal);

    private static bool Contains(string target, string file) =>
        string.Equals(target, file, StringComparison.Ordinal)
        || file.StartsWith(target.EndsWith(Path.DirectorySeparatorChar) ? target : target + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
