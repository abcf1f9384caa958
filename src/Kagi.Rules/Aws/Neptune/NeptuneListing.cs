using System.Xml.Linq;
using Kagi.Aws;

namespace Kagi.Rules.Aws.Neptune;

/// <summary>What Neptune's kinds share when they are listed through the RDS Query API, which serves every RDS engine.</summary>
public static class NeptuneListing
{
    /// <summary>Asks the listing for Neptune's engine only, 100 a page (the API's most).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> NeptuneOnly { get; } =
    [
        new("Filters.Filter.1.Name", "engine"),
        new("Filters.Filter.1.Values.Value.1", "neptune"),
        new("MaxRecords", "100"),
    ];

    /// <summary>
    /// Whether a listed cluster or snapshot is Neptune's: the Query API serves every RDS engine and an emulator may
    /// ignore the filter, so each answer is checked again.
    /// </summary>
    public static bool IsNeptune(XElement listed) => string.Equals(listed.Text("Engine"), "neptune", StringComparison.OrdinalIgnoreCase);
}
