using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>A resource or data source instance of a configuration, its attributes evaluated on demand.</summary>
internal sealed class ConfigResourceView(ResourceInstance instance, ModuleEvaluator evaluator) : IResourceView
{
    public ResourceDeclaration Resource => instance.Resource;

    public string Address => instance.Address;

    public string Type => Resource.Type;

    public string Name => Resource.Name;

    public SourceLocation Location => Resource.Location;

    // Provider 6 lets each resource name its region; without it, the resource is in its provider configuration's region.
    public string? Region => Get("region") is TfString { Value.Length: > 0 } own ? own.Value : evaluator.Region(ProviderReferences.UsedBy(Resource));

    public string? Account => evaluator.Account(ProviderReferences.UsedBy(Resource));

    // Nested blocks (static and dynamic) read as a list of objects, as a plan shows them.
    public TfValue Get(string attribute) => evaluator.Argument(instance, attribute) ?? evaluator.Blocks(instance, attribute) ?? TfValue.Null;

    public TfValue TagsAll => Facts.MergeTags(evaluator.Providers.DefaultTags(ProviderReferences.UsedBy(Resource)), Get("tags"));

    public ValueOrigin? Origin(string attribute) => Get(attribute) is TfUnknown { Origin: var origin } ? origin : null;

    public string Describe(string attribute) =>
        Resource.Argument(attribute) is { } argument ? evaluator.Module.SourceText(argument.Value) : "(not set)";
}
