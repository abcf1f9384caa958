using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    private Expression ParseTupleOrFor(Token open)
    {
        using var mode = NewlineMode(matter: false);
        if (Peek().IsKeyword("for"))
        {
            return ParseFor(open, TokenKind.RBracket);
        }

        var items = new List<Expression>();
        while (true)
        {
            if (Peek().Kind == TokenKind.RBracket)
            {
                break;
            }

            items.Add(ParseExpression());
            ThrowIfUnclosed(open, "the '['");
            var separator = Peek();
            if (separator.Kind == TokenKind.Comma)
            {
                Next();
            }
            else if (separator.Kind != TokenKind.RBracket)
            {
                throw Error(separator, $"expected ',' or ']' after a tuple element, found {separator.Describe()}");
            }
        }

        var close = Next();
        return new TupleExpr(items, Range(open.Start, close.End));
    }

    /// <summary>Object items are separated by commas or newlines; keys are followed by '=' or ':'.</summary>
    private Expression ParseObjectOrFor(Token open)
    {
        using var mode = NewlineMode(matter: true);
        SkipNewlines();
        if (Peek().IsKeyword("for"))
        {
            using var forMode = NewlineMode(matter: false);
            return ParseFor(open, TokenKind.RBrace);
        }

        var items = new List<ObjectItem>();
        while (Peek().Kind != TokenKind.RBrace)
        {
            var key = ParseObjectKey();
            var equals = Peek();
            if (equals.Kind is not (TokenKind.Assign or TokenKind.Colon))
            {
                throw Error(equals, $"expected '=' or ':' after an object key, found {equals.Describe()}");
            }

            Next();
            items.Add(new ObjectItem(key, ParseExpression()));
            var separator = Peek();
            if (separator.Kind is TokenKind.Comma or TokenKind.Newline)
            {
                Next();
                SkipNewlines();
            }
            else if (separator.Kind != TokenKind.RBrace)
            {
                throw Error(separator, $"expected a newline or ',' after an object item, found {separator.Describe()}");
            }
        }

        var close = Next();
        return new ObjectExpr(items, Range(open.Start, close.End));
    }

    /// <summary>A bare name key means the name itself, as a string.</summary>
    private Expression ParseObjectKey()
    {
        var key = ParseExpression();
        return key is ScopeTraversalExpr { Steps.Count: 0 } name ? new LiteralExpr(name.Root, name.Range) : key;
    }

    /// <summary><c>for k, v in coll : value</c> (tuple) or <c>for k, v in coll : key => value...</c> (object), then <c>if cond</c>.</summary>
    private ForExpr ParseFor(Token open, TokenKind closeKind)
    {
        Next();
        var first = Expect(TokenKind.Ident, "expected a variable name after 'for'");
        string? keyVariable = null;
        var valueVariable = first.Text;
        if (Peek().Kind == TokenKind.Comma)
        {
            Next();
            keyVariable = first.Text;
            valueVariable = Expect(TokenKind.Ident, "expected a second variable name after ',' in the for expression").Text;
        }

        var keyword = Peek();
        if (!keyword.IsKeyword("in"))
        {
            throw Error(keyword, $"expected 'in' after the variables of the for expression, found {keyword.Describe()}");
        }

        Next();
        var collection = ParseExpression();
        Expect(TokenKind.Colon, "expected ':' after the collection of the for expression");
        Expression? keyResult = null;
        var valueResult = ParseExpression();
        var grouping = false;
        if (closeKind == TokenKind.RBrace)
        {
            if (Peek() is { Kind: not TokenKind.FatArrow } next)
            {
                throw _lines.Error(
                    $"an object for expression needs 'key => value': expected '=>' after this key, found {next.Describe()}", StartOf(valueResult), EndOf(valueResult));
            }

            Next();
            keyResult = valueResult;
            valueResult = ParseExpression();
            if (Peek().Kind == TokenKind.Ellipsis)
            {
                Next();
                grouping = true;
            }
        }

        Expression? condition = null;
        if (Peek().IsKeyword("if"))
        {
            Next();
            condition = ParseExpression();
        }

        var closeText = closeKind == TokenKind.RBrace ? "}" : "]";
        var close = Expect(closeKind, $"expected '{closeText}' to end the for expression");
        return new ForExpr(keyVariable, valueVariable, collection, keyResult, valueResult, condition, grouping, Range(open.Start, close.End));
    }
}
