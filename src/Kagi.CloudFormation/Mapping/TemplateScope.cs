using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>What a mapper may join a record to: every resource of the template, and the records mapped from them before any join.</summary>
internal sealed class TemplateScope(IReadOnlyList<TemplateResource> resources, IReadOnlyList<CloudResource> mapped)
{
    /// <summary>The records as mapped, before any join.</summary>
    public IReadOnlyList<CloudResource> Mapped => mapped;

    /// <summary>The template's resources of a CloudFormation type, in the order written.</summary>
    public IEnumerable<TemplateResource> OfType(string resourceType) => resources.Where(resource => resource.Type == resourceType);

    /// <summary>Whether <paramref name="referrer"/>'s <paramref name="property"/> refers to the resource a record was mapped from.</summary>
    public static bool RefersTo(TemplateResource referrer, string property, CloudResource record) =>
        referrer.Origin(property) is { } origin && record.Declaration?.Name == origin.LogicalId;
}
