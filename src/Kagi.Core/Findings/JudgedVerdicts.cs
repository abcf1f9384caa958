using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>
/// The rule engine's verdicts: per verdict the rule, the resource and the status (8 bytes), the finding judged again
/// on demand. The resources are the inventory's, then one stand-in per unread scope (an ERROR of every rule of its kind).
/// </summary>
internal sealed class JudgedVerdicts : VerdictSet
{
    private readonly List<CatalogEntry> _rules = [];
    private readonly List<Verdict> _verdicts = [];
    private readonly IReadOnlyList<CloudResource> _resources;
    private readonly IReadOnlyList<UnscannedScope> _unscanned;
    private readonly UnscannedResource[] _unscannedResources;
    private readonly ScanOptions _options;

    public JudgedVerdicts(Inventory inventory, ScanOptions options)
    {
        _resources = inventory.Resources;
        _unscanned = inventory.Unscanned;
        _unscannedResources = [.. _unscanned.Select(UnscannedResource.For)];
        _options = options;
    }

    public override int Count => _verdicts.Count;

    public override Finding this[int index]
    {
        get
        {
            var verdict = _verdicts[index];
            var entry = _rules[verdict.Rule];
            if (verdict.Resource < _resources.Count)
            {
                var resource = _resources[verdict.Resource];
                var (result, mute) = RuleEngine.Judge(entry, resource, _options);
                return new Finding(entry.Metadata, resource, result, mute);
            }

            var scope = verdict.Resource - _resources.Count;
            return new Finding(entry.Metadata, _unscannedResources[scope], RuleResult.Error(_unscanned[scope].Describe()));
        }
    }

    public override ResultStatus StatusAt(int index) => (ResultStatus)_verdicts[index].Status;

    public override RuleMetadata RuleAt(int index) => _rules[_verdicts[index].Rule].Metadata;

    public override CloudResource ResourceAt(int index) => ResourceOf(_verdicts[index]);

    /// <summary>Judges every resource the rule applies to, then marks every unread scope of its kind as ERROR.</summary>
    public void Judge(CatalogEntry entry)
    {
        var rule = checked((ushort)_rules.Count);
        _rules.Add(entry);
        for (var index = 0; index < _resources.Count; index++)
        {
            if (entry.Rule.AppliesTo(_resources[index]))
            {
                var (result, mute) = RuleEngine.Judge(entry, _resources[index], _options);
                _verdicts.Add(new Verdict(index, rule, (byte)Finding.StatusOf(result, mute)));
            }
        }

        for (var scope = 0; scope < _unscanned.Count; scope++)
        {
            if (_unscanned[scope].ResourceType == entry.Metadata.ResourceType)
            {
                _verdicts.Add(new Verdict(_resources.Count + scope, rule, (byte)ResultStatus.Error));
            }
        }
    }

    private CloudResource ResourceOf(Verdict verdict) =>
        verdict.Resource < _resources.Count ? _resources[verdict.Resource] : _unscannedResources[verdict.Resource - _resources.Count];

    // The status as a byte keeps a verdict at 8 bytes (the enum is an int).
    private readonly record struct Verdict(int Resource, ushort Rule, byte Status);
}
