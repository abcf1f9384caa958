using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Store;
using Microsoft.AspNetCore.Http;

namespace Kagi.Web;

/// <summary>The findings page's filters as the request gave them, which the form shows again as they were typed.</summary>
public sealed record FindingFilters(
    string? Status, string? Severity, string? Rule, string? Account, string? Region, string? Text, FindingSort Sort, bool Descending)
{
    public static FindingFilters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Value(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
        return new FindingFilters(
            Value("status"),
            Value("severity"),
            Value("rule"),
            Value("account"),
            Value("region"),
            Value("q"),
            Enum.TryParse<FindingSort>(Value("sort"), ignoreCase: true, out var sort) ? sort : FindingSort.Severity,
            Value("dir") != "asc");
    }

    /// <summary>The store's query; a status or severity that names nothing filters nothing.</summary>
    public FindingQuery ToQuery() => new()
    {
        State = Status is not null && Status != "muted" && Enum.TryParse<FindingState>(Status, ignoreCase: true, out var state) ? state : null,
        Muted = Status == "muted" ? true : null,
        Severity = Severity is not null && Enum.TryParse<Severity>(Severity, ignoreCase: true, out var severity) ? severity : null,
        RuleId = Rule,
        Accounts = Account is null ? [] : [Account],
        Region = Region,
    };
}
