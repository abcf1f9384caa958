using Kagi.Core.Model;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// Maps one Terraform resource type to one kind's record, and joins to it what Terraform declares apart. Mappers are
/// found by <see cref="ResourceMappers"/>, never listed by hand: a kind's mapper sits in the kind's folder of the
/// catalogue. A mapper has a parameterless constructor and holds no state.
/// </summary>
internal interface IResourceMapper
{
    /// <summary>The Terraform resource type it maps, e.g. <c>aws_neptune_cluster</c>.</summary>
    string TerraformType { get; }

    /// <summary>The record it maps to.</summary>
    Type Record { get; }

    /// <summary>Builds the record's own fields; the common ones (location, region, address) are filled in by <see cref="ResourceMapping"/>.</summary>
    CloudResource Map(IResourceView view, KeyResolver keys);

    /// <summary>Completes a mapped record with resources declared apart from it; every record is joined after all are mapped.</summary>
    CloudResource Join(CloudResource resource, JoinScope scope);
}

/// <summary>The base of every mapper: typed records in and out.</summary>
internal abstract class ResourceMapper<TResource> : IResourceMapper
    where TResource : CloudResource
{
    public abstract string TerraformType { get; }

    public Type Record => typeof(TResource);

    public abstract TResource Map(IResourceView view, KeyResolver keys);

    /// <summary>Most kinds have nothing declared apart to join.</summary>
    public virtual TResource Join(TResource resource, JoinScope scope) => resource;

    CloudResource IResourceMapper.Map(IResourceView view, KeyResolver keys) => Map(view, keys);

    CloudResource IResourceMapper.Join(CloudResource resource, JoinScope scope) => Join((TResource)resource, scope);
}
