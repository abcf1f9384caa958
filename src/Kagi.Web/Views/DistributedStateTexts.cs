using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Store.Distributed;

namespace Kagi.Web.Views;

/// <summary>The states of distributed scans and their units in the reader's language.</summary>
internal static class DistributedStateTexts
{
    /// <summary>The states a unit can be in, in the order it passes through them: the choices of the units' filter.</summary>
    public static readonly IReadOnlyList<string> UnitStates = [Store.Distributed.UnitStates.Pending, Store.Distributed.UnitStates.Running, Store.Distributed.UnitStates.Done, Store.Distributed.UnitStates.Error];

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [DistributedScanStates.Planning] = Texts.Name("dashboard.distributed-state-planning"),
        [Store.Distributed.UnitStates.Pending] = Texts.Name("dashboard.distributed-state-pending"),
        [DistributedScanStates.Running] = Texts.Name("dashboard.distributed-state-running"),
        [DistributedScanStates.Completing] = Texts.Name("dashboard.distributed-state-completing"),
        [DistributedScanStates.Done] = Texts.Name("dashboard.distributed-state-done"),
        [Store.Distributed.UnitStates.Error] = Texts.Name("dashboard.distributed-state-error"),
        [DistributedScanStates.Failed] = Texts.Name("dashboard.distributed-state-failed"),
    };

    public static bool IsUnitState(string value) => UnitStates.Contains(value, StringComparer.Ordinal);

    /// <summary>The state's name; a state this build does not know (a newer worker's) as the store has it.</summary>
    public static string Of(string state, Language language) => Names.TryGetValue(state, out var name) ? Texts.Get(language, name) : state;
}
