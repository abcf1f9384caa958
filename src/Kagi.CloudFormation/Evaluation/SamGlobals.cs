using Kagi.CloudFormation.Reading;

namespace Kagi.CloudFormation.Evaluation;

/// <summary>
/// SAM's <c>Globals</c> section: properties a template declares once for every resource of a serverless type
/// (<c>Globals: SimpleTable: SSESpecification: …</c> for every <c>AWS::Serverless::SimpleTable</c>), merged into each
/// resource as the transform does: maps merged key by key, lists appended to the global list, and anything else —
/// including a value whose kind differs — taken from the resource.
/// </summary>
internal sealed class SamGlobals(MappingNode? globals)
{
    private const string ServerlessPrefix = "AWS::Serverless::";

    public static SamGlobals Of(MappingNode template) => new(template.Get("Globals") as MappingNode);

    /// <summary>The properties of a resource of <paramref name="type"/> with the globals for its type merged in.</summary>
    public TemplateMap Apply(string type, TemplateMap properties, Func<TemplateNode, TemplateValue> evaluate) =>
        type.StartsWith(ServerlessPrefix, StringComparison.Ordinal)
        && globals?.Get(type[ServerlessPrefix.Length..]) is MappingNode declared
        && evaluate(declared) is TemplateMap global
            ? Merge(global, properties)
            : properties;

    private static TemplateValue Merged(TemplateValue global, TemplateValue local) => (global, local) switch
    {
        (TemplateMap globalMap, TemplateMap localMap) => Merge(globalMap, localMap),
        (TemplateList globalList, TemplateList localList) => new TemplateList([.. globalList.Items, .. localList.Items]),
        _ => local,
    };

    // Keyed lookups, each key's first entry as TemplateMap.Get finds it: a merge is linear in the two maps, not their product.
    private static TemplateMap Merge(TemplateMap global, TemplateMap local)
    {
        var own = FirstByKey(local);
        var globalKeys = FirstByKey(global);
        var entries = global.Entries
            .Select(entry => own.TryGetValue(entry.Key, out var value) ? new KeyValuePair<string, TemplateValue>(entry.Key, Merged(entry.Value, value)) : entry)
            .ToList();
        entries.AddRange(local.Entries.Where(entry => !globalKeys.ContainsKey(entry.Key)));
        return new TemplateMap(entries);
    }

    private static Dictionary<string, TemplateValue> FirstByKey(TemplateMap map)
    {
        var first = new Dictionary<string, TemplateValue>(map.Entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            first.TryAdd(key, value);
        }

        return first;
    }
}
