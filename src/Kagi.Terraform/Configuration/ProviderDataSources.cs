using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// The AWS data sources that only echo the provider's own configuration, answered from it when it is known:
/// <c>aws_region</c> (the configured region), <c>aws_partition</c> (from that region) and <c>aws_caller_identity</c>'s
/// <c>account_id</c> (when <c>allowed_account_ids</c> allows one account). Key policies and ARNs built from them then
/// read as known, as they will be at apply. Anything else stays known only after apply.
/// </summary>
internal static class ProviderDataSources
{
    public static TfValue? Read(string type, string attribute, ProviderSettings providers, string provider) => (type, attribute) switch
    {
        ("aws_region", "name" or "region" or "id") => String(providers.Region(provider)),
        ("aws_partition", "partition" or "id") => String(Partition(providers, provider)),
        ("aws_partition", "dns_suffix") => String(Partition(providers, provider) is { } partition ? AwsPartitions.DnsSuffix(partition) : null),
        ("aws_caller_identity", "account_id" or "id") => String(providers.Account(provider)),
        _ => null,
    };

    private static string? Partition(ProviderSettings providers, string provider) =>
        providers.Region(provider) is { } region ? AwsPartitions.Of(region) : null;

    private static TfString? String(string? value) => value is null ? null : new TfString(value);
}
