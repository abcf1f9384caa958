using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Tests.Texts;

/// <summary>
/// The Terraform arguments each mapper reads, learnt by running it over resources that record every attribute it
/// asks for: once with every attribute unset and once with every attribute a string, so that both sides of a
/// mapper's "is it set?" branches are taken.
/// </summary>
internal static class TerraformArguments
{
    /// <summary>Each mapped record (as a sample instance) with the arguments its mapper read.</summary>
    public static IReadOnlyList<(CloudResource Mapped, string TerraformType, IReadOnlySet<string> Arguments)> ByMapper() =>
        [.. KindCatalog.TerraformMappers.ByTerraformType.Values.Select(Read)];

    private static (CloudResource, string, IReadOnlySet<string>) Read(IResourceMapper mapper)
    {
        var arguments = new SortedSet<string>(StringComparer.Ordinal);
        CloudResource? mapped = null;
        foreach (var value in new[] { TfValue.Null, new TfString("x") })
        {
            var view = new RecordingView(mapper.TerraformType, value, arguments);
            mapped = mapper.Map(view, new KeyResolver(new Dictionary<string, KmsKey>(), new ResourceIndex(new Dictionary<string, IResourceView>())));
        }

        return (mapped!, mapper.TerraformType, arguments);
    }

    /// <summary>A resource whose every attribute holds the same value, noting each attribute asked for.</summary>
    private sealed class RecordingView(string type, TfValue value, ISet<string> asked) : IResourceView
    {
        public string Address => $"{type}.recorded";

        public string Type => type;

        public string Name => "recorded";

        public SourceLocation Location { get; } = new("main.tf", 1);

        public string? Region => "eu-west-1";

        public string? Account => null;

        public TfValue Get(string attribute) => Asked(attribute, value);

        public TfValue TagsAll => Asked("tags", value);

        public ValueOrigin? Origin(string attribute) => Asked<ValueOrigin?>(attribute, null);

        public string Describe(string attribute) => Asked(attribute, attribute);

        private T Asked<T>(string attribute, T answer)
        {
            asked.Add(attribute);
            return answer;
        }
    }
}
