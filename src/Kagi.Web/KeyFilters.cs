using Kagi.Core.Model;
using Kagi.Reporting.Keys;
using Microsoft.AspNetCore.Http;

namespace Kagi.Web;

/// <summary>How the Keys page sorts its rows.</summary>
public enum KeySort
{
    Dependents,
    Key,
    Level,
    State,
    Where,
}

/// <summary>The Keys page's filters as the request gave them: exact level, state, account and region, and the order.</summary>
public sealed record KeyFilters(string? Level, string? State, string? Account, string? Region, KeySort Sort, bool Descending)
{
    public static KeyFilters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Value(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
        var sort = Enum.TryParse<KeySort>(Value("sort"), ignoreCase: true, out var asked) && Enum.IsDefined(asked) && !int.TryParse(Value("sort"), out _) ? asked : KeySort.Dependents;

        // Counts read best largest first, names in alphabetical order.
        var descending = Value("dir") is { } direction ? direction != "asc" : sort == KeySort.Dependents;
        return new KeyFilters(Value("level"), Value("state"), Value("account"), Value("region"), sort, descending);
    }

    public static string LevelOf(KeyRow row) => row.Level.IsKnown ? row.Level.Value.ToName() : "?";

    public static string StateOf(KeyRow row) => row.State.IsKnown ? row.State.Value : "?";

    /// <summary>The rows these filters keep, in their order; ties keep the store's order (most dependents first).</summary>
    public IReadOnlyList<T> Apply<T>(IEnumerable<T> rows, Func<T, KeyRow> row)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(row);
        var kept = rows.Where(item => Matches(row(item)));
        return Sort == KeySort.Dependents
            ? [.. Ordered(kept, item => row(item).Dependents.Count, Comparer<int>.Default)]
            : [.. Ordered(kept, item => SortText(row(item)), StringComparer.Ordinal)];
    }

    private IEnumerable<T> Ordered<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, IComparer<TKey> comparer) =>
        Descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);

    private string SortText(KeyRow row) => Sort switch
    {
        KeySort.Key => row.Key,
        KeySort.Level => LevelOf(row),
        KeySort.State => StateOf(row),
        _ => $"{row.Account} {row.Region}",
    };

    private bool Matches(KeyRow row) =>
        (Level is null || Level == LevelOf(row))
        && (State is null || State == StateOf(row))
        && (Account is null || Account == row.Account)
        && (Region is null || Region == row.Region);
}
