using Kagi.Hcl.Tests.Oracle;

namespace Kagi.Hcl.Tests;

/// <summary>Every .tf file in the repository must parse to what HashiCorp's own parser makes of it.</summary>
public sealed class DifferentialTests
{
    public static TheoryData<string> ValidFiles => [.. CorpusFiles.Valid];

    public static TheoryData<string> InvalidFiles => [.. CorpusFiles.Invalid];

    [Fact]
    public void The_corpus_has_valid_and_invalid_files()
    {
        Assert.True(CorpusFiles.Valid.Count() >= 25, "expected at least 25 valid corpus files");
        Assert.NotEmpty(CorpusFiles.Invalid);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Parses_like_HashiCorp(string file)
    {
        var oracle = HashiCorpOracle.For(file);
        var text = CorpusFiles.Read(file);
        if (oracle.Json is null)
        {
            Assert.Fail($"{file}: HashiCorp's parser rejects this file ({oracle.Error}); move it to tests/corpus/hcl/invalid/ or fix it");
        }

        var ours = HclJsonShape.Render(HclParser.ParseNative(text, file), text);
        var difference = JsonDiff.FirstDifference(oracle.Json, ours);
        Assert.True(difference is null, $"{file}: {difference}");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Rejects_what_HashiCorp_rejects_at_the_same_line(string file)
    {
        var oracle = HashiCorpOracle.For(file);
        Assert.True(oracle.Rejects, $"{file}: HashiCorp's parser accepts this file, so it does not belong in invalid/");
        var expectedLine = oracle.ErrorLine;

        var error = Assert.Throws<HclParseException>(() => HclParser.ParseNative(CorpusFiles.Read(file), file));

        Assert.True(expectedLine == error.Range.Start.Line, $"{file}: HashiCorp reports line {expectedLine} ({oracle.Error}); we report: {error.Message}");
    }
}
