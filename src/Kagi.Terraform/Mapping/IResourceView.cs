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

    /// <summary>
    /// The first block of a nested block type (<c>server_side_encryption { … }</c>) as a view of its own, or null when
    /// there is none. A block whose number is known only after apply reads as unknown through <see cref="Get"/>.
    /// </summary>
    /// <remarks>JSON syntax may write a single block as an object rather than a list of objects.</remarks>
    IResourceView? Block(string type) => Get(type) switch
    {
        TfSequence { Items: [TfObject first, ..] } => new BlockView(this, type, first),
        TfObject single => new BlockView(this, type, single),
        _ => null,
    };
}

/// <summary>One nested block of a configuration's resource: its attributes as evaluated, references kept as origins.</summary>
internal sealed class BlockView(IResourceView parent, string type, TfObject body) : IResourceView
{
    public string Address { get; } = $"{parent.Address}.{type}[0]";

    public string Type => parent.Type;

    public string Name => parent.Name;

    public SourceLocation Location => parent.Location;

    public string? Region => parent.Region;

    public string? Account => parent.Account;

    // A block has no tags of its own; the resource's are its.
    public TfValue TagsAll => parent.TagsAll;

    public TfValue Get(string attribute) => body.Attributes.GetValueOrDefault(attribute) ?? TfValue.Null;

    public ValueOrigin? Origin(string attribute) => Get(attribute) is TfUnknown { Origin: var origin } ? origin : null;

    // The block's source text is not kept apart from its resource's: the value stands for how it is written.
    public string Describe(string attribute) => Get(attribute) switch
    {
        TfNull => "(not set)",
        TfString text => $"\"{text.Value}\"",
        TfUnknown { Origin: { } origin } => origin.Attribute is null ? origin.Address : $"{origin.Address}.{origin.Attribute}",
        var value => value.TypeName,
    };
}

/// <summary>Finds the resources and data sources that a value's origin names.</summary>
internal sealed class ResourceIndex(IReadOnlyDictionary<string, IResourceView> views)
{
    public IResourceView? Find(string address) => views.GetValueOrDefault(address);
}
