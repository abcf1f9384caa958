using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>
/// Maps one CloudFormation resource type to one kind's record, and joins to it what the template declares apart.
/// Mappers are found by <see cref="CloudFormationMappers"/>, never listed by hand: a kind's mapper sits in the kind's
/// folder of the catalogue (<c>&lt;Kind&gt;CloudFormationMapper.cs</c>). A mapper has a parameterless constructor and holds no state.
/// </summary>
internal interface ICloudFormationMapper
{
    /// <summary>The CloudFormation type it maps, e.g. <c>AWS::Neptune::DBCluster</c>.</summary>
    string ResourceType { get; }

    /// <summary>The record it maps to.</summary>
    Type Record { get; }

    /// <summary>
    /// Whether a resource of the type is a record of the kind at all: a type can declare what the kind leaves to another
    /// (an <c>AWS::RDS::DBInstance</c> in a cluster is judged through its cluster), and such a resource is not mapped.
    /// </summary>
    bool Maps(TemplateResource resource);

    /// <summary>Builds the record's own fields; the common ones (ID, location, declaration) are filled in by the scanner.</summary>
    CloudResource Map(TemplateResource resource, TemplateKeyResolver keys);

    /// <summary>Completes a mapped record with resources declared apart from it; every record is joined after all are mapped.</summary>
    CloudResource Join(CloudResource resource, TemplateScope scope);
}

/// <summary>The base of every CloudFormation mapper: typed records in and out.</summary>
internal abstract class CloudFormationMapper<TResource> : ICloudFormationMapper
    where TResource : CloudResource
{
    public abstract string ResourceType { get; }

    public Type Record => typeof(TResource);

    /// <summary>Most kinds are every resource of their type.</summary>
    public virtual bool Maps(TemplateResource resource) => true;

    public abstract TResource Map(TemplateResource resource, TemplateKeyResolver keys);

    /// <summary>Most kinds have nothing declared apart to join.</summary>
    public virtual TResource Join(TResource resource, TemplateScope scope) => resource;

    CloudResource ICloudFormationMapper.Map(TemplateResource resource, TemplateKeyResolver keys) => Map(resource, keys);

    CloudResource ICloudFormationMapper.Join(CloudResource resource, TemplateScope scope) => Join((TResource)resource, scope);
}
