namespace Kagi.Core.Model;

/// <summary>
/// The kinds of source a resource is read from, under the names rule metadata uses for a source's own texts.
/// <see cref="Of"/> is the one place that tells which source a resource came from.
/// </summary>
public static class ResourceSources
{
    /// <summary>The AWS APIs, directly or through a saved inventory.</summary>
    public const string Live = "live";

    public const string Terraform = "terraform";

    public const string CloudFormation = "cloudformation";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Live, Terraform, CloudFormation };

    public static string Of(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Declaration?.Source ?? Live;
    }
}
