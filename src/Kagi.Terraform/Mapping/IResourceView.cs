using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// One resource as a source shows it (configuration or plan): the mappers read resources only through this,
/// so each resource type is mapped in one place for both sources.
/// </summary>
internal interface IResourceView
{
    /// <summary>The full address, as Terraform prints it.</summary>
    string Address { get; }

    string Type { get; }

    string Name { get; }

    SourceLocation Location { get; }

    string? Region { get; }

    /// <summary>The account the resource's provider configuration is bound to, when Terraform would allow only one.</summary>
    string? Account { get; }

    /// <summary>The attribute's value; null when it is not set.</summary>
    TfValue Get(string attribute);

    /// <summary>
    /// The tags Terraform gives the resource, as its <c>tags_all</c> attribute holds them: the <c>default_tags</c> of
    /// the provider configuration it uses with its own <c>tags</c> over them. Read through <see cref="Facts.Tags"/>.
    /// </summary>
    TfValue TagsAll { get; }

    /// <summary>The one resource or data source the attribute's expression refers to, if it names exactly one.</summary>
    ValueOrigin? Origin(string attribute);

    /// <summary>How the attribute is written, to quote it in a reason.</summary>
    string Describe(string attribute);
}

/// <summary>Finds the resources and data sources that a value's origin names.</summary>
internal sealed class ResourceIndex(IReadOnlyDictionary<string, IResourceView> views)
{
    public IResourceView? Find(string address) => views.GetValueOrDefault(address);
}
