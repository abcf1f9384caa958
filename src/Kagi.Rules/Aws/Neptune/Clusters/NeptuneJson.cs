using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The Neptune records a saved inventory holds as JSON (<see cref="Core.Model.SavedAsJsonAttribute"/>), serialized by generated code.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(NeptuneClusterMember))]
[JsonSerializable(typeof(IReadOnlyList<NeptuneClusterMember>))]
[JsonSerializable(typeof(NeptuneServerlessScaling))]
public sealed partial class NeptuneJson : JsonSerializerContext;

/// <summary>A rebuild as a finding's evidence holds it, and the tag list the printed CLI passes; nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NeptuneClusterRebuild))]
[JsonSerializable(typeof(Dictionary<string, string>[]))]
internal sealed partial class NeptuneRebuildJson : JsonSerializerContext;
