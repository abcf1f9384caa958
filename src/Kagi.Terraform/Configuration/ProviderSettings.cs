using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// The provider configurations one module instance sees, as it names them (<c>aws</c>, <c>aws.west</c>): its own
/// <c>provider</c> blocks, else what its caller passes through the call's <c>providers</c> map or, without one,
/// the caller's default configurations.
/// </summary>
internal sealed class ProviderSettings(ModuleEvaluator module)
{
    private readonly Dictionary<string, TfValue?> _settings = new(StringComparer.Ordinal);

    /// <summary>The known region of a provider configuration.</summary>
    public string? Region(string provider) => Setting(provider, "region") is TfString known ? known.Value : null;

    /// <summary>
    /// The account a provider configuration works in, when its <c>allowed_account_ids</c> names exactly one: Terraform
    /// refuses to plan or apply with credentials for any other.
    /// </summary>
    public string? Account(string provider) =>
        Setting(provider, "allowed_account_ids") is TfSequence { Items: [TfString only] } ? only.Value : null;

    // Null when no configuration in the chain sets it, or sets it to something known only after apply.
    private TfValue? Setting(string provider, string setting)
    {
        var key = $"{provider} {setting}";
        if (_settings.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var caller = module.Parent?.Providers;
        var passed = module.PassedProviders;
        var value = module.Module.Providers.TryGetValue(provider, out var block)
            ? block.Body.Attributes.FirstOrDefault(a => a.Name == setting) is { } attribute && module.Evaluate(attribute.Value, Scope.Empty) is var evaluated and not TfUnknown ? evaluated : null
            : caller is null ? null
            : passed is null ? (provider.Contains('.', StringComparison.Ordinal) ? null : caller.Setting(provider, setting))
            : passed.TryGetValue(provider, out var name) ? caller.Setting(name, setting) : null;
        _settings[key] = value;
        return value;
    }
}
