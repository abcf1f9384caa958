using Kagi.CloudFormation.Evaluation;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>A resource of a template, its properties evaluated: what a mapper reads.</summary>
internal sealed class TemplateResource(string logicalId, string type, SourceLocation location, TemplateMap properties, IReadOnlyList<Suppression>? suppressions = null)
{
    public string LogicalId => logicalId;

    /// <summary>The CloudFormation type, e.g. <c>AWS::Neptune::DBCluster</c>.</summary>
    public string Type => type;

    public SourceLocation Location => location;

    /// <summary>The rules its <c>Metadata.kagi.ignore</c> mutes.</summary>
    public IReadOnlyList<Suppression> Suppressions => suppressions ?? [];

    /// <summary>The resource's ID in findings: <c>AWS::Neptune::DBCluster.GraphCluster</c>, as Checkov names it.</summary>
    public string Id => $"{type}.{logicalId}";

    /// <summary>A property's value; <see cref="TemplateValue.Null"/> when it is not set.</summary>
    public TemplateValue Get(string property) => properties.Get(property) ?? TemplateValue.Null;

    /// <summary>The resource of the same template a property refers to, if it does.</summary>
    public ResourceOrigin? Origin(string property) => Get(property) is TemplateUnknown { Origin: { } origin } ? origin : null;

    /// <summary>
    /// A property that holds properties of its own (<c>StreamEncryption: {EncryptionType, KeyId}</c>), read as the
    /// resource is: its facts and keys are the resource's, under the same ID.
    /// </summary>
    public TemplateResource Within(TemplateMap nested) => new(logicalId, type, location, nested);
}
