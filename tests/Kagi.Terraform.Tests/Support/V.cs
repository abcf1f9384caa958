using Kagi.Terraform.Values;

namespace Kagi.Terraform.Tests.Support;

/// <summary>Short names for values in assertions.</summary>
internal static class V
{
    public static TfString S(string value) => new(value);

    public static TfNumber N(decimal value) => new(value);

    public static TfSequence List(params TfValue[] items) => new(items);

    public static TfObject Map(params (string Key, TfValue Value)[] items) => new(items.Select(i => KeyValuePair.Create(i.Key, i.Value)));

    public static TfUnknown Unknown(string? address = null, string? attribute = null) =>
        new("known only after apply", address is null ? null : new ValueOrigin(address, attribute));

    /// <summary>Asserts two values are equal as Terraform compares them.</summary>
    public static void Equal(TfValue expected, TfValue actual) =>
        Assert.True(ValueOps.KnownEqual(expected, actual), $"expected {JsonValues.ToJson(expected)} but got {Describe(actual)}");

    private static string Describe(TfValue value) => ValueOps.ContainsUnknown(value) ? $"an unknown {value}" : JsonValues.ToJson(value);
}
