namespace Kagi.Core.Rules;

/// <summary>The languages Kagi speaks.</summary>
public enum Language
{
    En,
    Ja,
}

/// <summary>One text in every language Kagi speaks.</summary>
public sealed record LocalizedText(string En, string Ja)
{
    public string Get(Language language) => language == Language.Ja ? Ja : En;
}

/// <summary>Texts that differ by case (e.g. an encrypted cluster is re-keyed differently from an unencrypted one).</summary>
public sealed record VariantText(IReadOnlyDictionary<string, LocalizedText> Variants)
{
    public const string DefaultVariant = "default";

    public LocalizedText Get(string? variant) =>
        variant is not null && Variants.TryGetValue(variant, out var text) ? text : Variants[DefaultVariant];
}
