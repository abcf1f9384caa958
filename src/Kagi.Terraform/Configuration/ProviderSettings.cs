using Kagi.Core.Localization;
using Kagi.Hcl.Syntax;
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
    public string? Region(string provider) => Setting(provider, "region", Attribute("region")) is TfString known ? known.Value : null;

    /// <summary>
    /// The account a provider configuration works in, when its <c>allowed_account_ids</c> names exactly one: Terraform
    /// refuses to plan or apply with credentials for any other.
    /// </summary>
    public string? Account(string provider) =>
        Setting(provider, "allowed_account_ids", Attribute("allowed_account_ids")) is TfSequence { Items: [TfString only] } ? only.Value : null;

    /// <summary>
    /// The <c>tags</c> of a provider configuration's <c>default_tags</c> block (static, <c>dynamic</c>, or in JSON syntax
    /// an object or a list of one): null when it has none, unknown when they are known only after apply.
    /// </summary>
    public TfValue? DefaultTags(string provider) => Setting(provider, "default_tags", DefaultTagsOf);

    private static TfValue? DefaultTagsOf(ModuleEvaluator module, Block provider)
    {
        var blocks = provider.Body.Attributes.FirstOrDefault(a => a.Name == "default_tags") is { } written
            ? module.Evaluate(written.Value, Scope.Empty)
            : module.Expansion.NestedBlocks(provider.Body, "default_tags", Scope.Empty);
        return blocks switch
        {
            TfUnknown unknown => unknown,
            TfObject block => block.Attributes.GetValueOrDefault("tags"),
            TfSequence { Items: [] } => null,
            TfSequence { Items: [TfObject block] } => block.Attributes.GetValueOrDefault("tags"),
            _ => new TfUnknown(Texts.Canonical("reasons.default-tags-unreadable", ("type", blocks.TypeName))),
        };
    }

    private static Func<ModuleEvaluator, Block, TfValue?> Attribute(string name) => (module, block) =>
        block.Body.Attributes.FirstOrDefault(a => a.Name == name) is { } attribute ? module.Evaluate(attribute.Value, Scope.Empty) : null;

    // Null when no configuration in the chain sets it; a configuration's own block decides, whatever its caller's says,
    // and is read in its own module.
    private TfValue? Setting(string provider, string setting, Func<ModuleEvaluator, Block, TfValue?> read)
    {
        var key = $"{provider} {setting}";
        if (_settings.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var caller = module.Parent?.Providers;
        var passed = module.PassedProviders;
        var value = module.Module.Providers.TryGetValue(provider, out var block)
            ? read(module, block)
            : caller is null ? null
            : passed is null ? (provider.Contains('.', StringComparison.Ordinal) ? null : caller.Setting(provider, setting, read))
            : passed.TryGetValue(provider, out var name) ? caller.Setting(name, setting, read) : null;
        _settings[key] = value;
        return value;
    }
}
