using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Tests;

/// <summary>Long and deep input: chains of operators have no length limit, nesting has one, and neither can overflow the stack.</summary>
public sealed class DepthTests
{
    [Fact]
    public void Given_a_sum_of_20000_terms_when_parsed_then_it_is_a_left_deep_chain_of_19999_additions()
    {
        // Given 1 + 1 + … + 1, which once overflowed the stack
        var text = string.Join(" + ", Enumerable.Repeat("1", 20_000));

        // When it is parsed
        var expression = HclParser.ParseExpression(text, "chain.tf");

        // Then every operator is there, left-associative, walked here without recursion
        var additions = 0;
        for (var left = expression; left is BinaryExpr { Operator: BinaryOperator.Add } binary; left = binary.Left)
        {
            additions++;
        }

        Assert.Equal(19_999, additions);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("\"${", "}\"")]
    [InlineData("{a = ", "}")]
    public void Given_nesting_within_the_limit_when_parsed_on_a_thread_with_a_small_stack_then_it_fails_cleanly_or_parses(string open, string close)
    {
        // Given 250 levels, within the parser's limit of 256, on a thread whose stack cannot hold them all
        var text = string.Concat(Enumerable.Repeat(open, 250)) + "1" + string.Concat(Enumerable.Repeat(close, 250));
        Exception? escaped = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    HclParser.ParseExpression(text, "deep.tf");
                }
                catch (HclParseException)
                {
                    // A clean refusal: what the test allows.
                }
                catch (Exception error)
                {
                    escaped = error;
                }
            },
            maxStackSize: 160 * 1024);

        // When it is parsed, then the process is still here and nothing but a parse error came out
        thread.Start();
        thread.Join();
        Assert.Null(escaped);
    }
}
