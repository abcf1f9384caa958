using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kagi.Store;

/// <summary>The store's JSON columns (targets, coverage, options, a key's dependents by kind), serialized by generated code.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(StoredOptions))]
internal sealed partial class StoreJson : JsonSerializerContext;

/// <summary>A finding's stored detail (<see cref="ResultDetail"/>): web names, nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResultDetail))]
internal sealed partial class ResultDetailJson : JsonSerializerContext;

/// <summary>The options a scan ran with, as the scans table keeps them.</summary>
internal sealed record StoredOptions(string MinKeyLevel, string[] Rules, string[] SkipRules, string[] Tags, string[] ExcludeTags);
