using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// The first block of one nested block type (<c>encryption_configuration { … }</c>), read as a resource of its own so
/// that <see cref="Facts"/> and <see cref="KeyResolver"/> read its arguments as they read a resource's. A block that is
/// not written reads as one with every argument unset; blocks whose presence is unknown read every argument unknown.
/// </summary>
internal sealed class NestedBlockView : IResourceView
{
    private readonly IResourceView _resource;
    private readonly string _block;
    private readonly TfValue _blocks;

    public NestedBlockView(IResourceView resource, string block)
    {
        _resource = resource;
        _block = block;
        _blocks = resource.Get(block);
    }

    public string Address => _resource.Address;

    public string Type => _resource.Type;

    public string Name => _resource.Name;

    public SourceLocation Location => _resource.Location;

    public string? Region => _resource.Region;

    public string? Account => _resource.Account;

    // A block has no tags of its own; the resource's are its.
    public TfValue TagsAll => _resource.TagsAll;

    public TfValue Get(string attribute) => _blocks switch
    {
        TfUnknown unknown => unknown,
        TfSequence { Items: [TfObject first, ..] } => first.Attributes.GetValueOrDefault(attribute) ?? TfValue.Null,
        TfObject single => single.Attributes.GetValueOrDefault(attribute) ?? TfValue.Null,
        _ => TfValue.Null,
    };

    public ValueOrigin? Origin(string attribute) => Get(attribute) is TfUnknown { Origin: var origin } ? origin : null;

    public string Describe(string attribute) => $"{_block} {{ {attribute} = {DescribeValue(attribute)} }}";

    private string DescribeValue(string attribute) => Get(attribute) switch
    {
        TfNull => "(not set)",
        TfString text => $"\"{text.Value}\"",
        TfUnknown { Origin: { } origin } => origin.ToString(),
        var value => value.TypeName,
    };
}
