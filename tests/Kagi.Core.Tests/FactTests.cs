using Kagi.Core.Model;

namespace Kagi.Core.Tests;

public sealed class FactTests
{
    [Fact]
    public void Reading_an_unknown_value_throws_with_its_reason()
    {
        var fact = Fact.Unknown<bool>("computed at apply time");

        var error = Assert.Throws<InvalidOperationException>(() => fact.Value);

        Assert.Contains("computed at apply time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_keeps_the_reason_of_an_unknown()
    {
        var mapped = Fact.Unknown<int>("no default").Map(value => value * 2);

        Assert.False(mapped.IsKnown);
        Assert.Equal("no default", mapped.Reason);
        Assert.Equal(4, Fact.Known(2).Map(value => value * 2).Value);
    }

    [Fact]
    public void A_known_null_is_known() => Assert.True(Fact.Known<string?>(null).IsKnown);
}
