using Kagi.Core.Model;

namespace Kagi.Reporting;

/// <summary>Where a finding's resource is, as the people-facing formats show it beside its ID.</summary>
internal static class ResourcePlace
{
    /// <summary>The file and line it is declared at; for a live resource its account (<c>111122223333 (prod)</c>) and region.</summary>
    public static string Of(CloudResource resource) =>
        resource.Location?.ToString() ?? string.Join(" ", new[] { AccountLabel.Of(resource), resource.Region }.OfType<string>());
}
