using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kagi.Rules.Aws;

/// <summary>The DB cluster records a saved inventory holds as JSON (<see cref="Core.Model.SavedAsJsonAttribute"/>), serialized by generated code.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DbClusterMember))]
[JsonSerializable(typeof(IReadOnlyList<DbClusterMember>))]
[JsonSerializable(typeof(ServerlessV2Scaling))]
public sealed partial class DbClusterJson : JsonSerializerContext;

/// <summary>A cluster rebuild as a finding's evidence holds it; nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DbClusterRebuild))]
internal sealed partial class DbClusterRebuildJson : JsonSerializerContext;

/// <summary>
/// The other JSON a rebuild writes and reads, with the serializer's defaults: the tag list the printed CLI passes, and an
/// instance rebuild's settings by option. Generated code, as the published binary serializes nothing by reflection.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>[]))]
[JsonSerializable(typeof(Dictionary<string, JsonElement?>))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class RebuildJson : JsonSerializerContext
{
    /// <summary>The generated contract of <typeparamref name="T"/>, one of the types above.</summary>
    public static JsonTypeInfo<T> Of<T>() =>
        Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T> ?? throw new NotSupportedException($"{nameof(RebuildJson)} has no [JsonSerializable(typeof({typeof(T).Name}))]");

    /// <summary>Tags as the AWS CLI's <c>--tags</c> takes them: <c>[{"Key": …, "Value": …}]</c>.</summary>
    public static string CliTags(IEnumerable<KeyValuePair<string, string>> tags) =>
        JsonSerializer.Serialize([.. tags.Select(tag => new Dictionary<string, string> { ["Key"] = tag.Key, ["Value"] = tag.Value })], Of<Dictionary<string, string>[]>());
}
