using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    /// <summary>Parses items up to the end of the file (<paramref name="open"/> null) or up to, not including, the closing '}'.</summary>
    private Body ParseBody(Token? open)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<Block>();
        var seen = new Dictionary<string, HclAttribute>(StringComparer.Ordinal);
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Newline:
                    Next();
                    break;
                case TokenKind.Eof when open is { } brace:
                    throw Error(brace, $"the block opened here at line {_lines.Pos(brace.Start).Line} is never closed with '}}'");
                case TokenKind.Eof:
                    return new Body(attributes, blocks, Range(0, token.End));
                case TokenKind.RBrace when open is { } brace:
                    return new Body(attributes, blocks, Range(brace.Start, token.End));
                case TokenKind.RBrace:
                    throw Error(token, "unexpected '}': there is no open block to close");
                case TokenKind.Ident:
                    ParseItem(attributes, blocks, seen);
                    break;
                default:
                    throw Error(token, $"expected an attribute or a block, found {token.Describe()}");
            }
        }
    }

    private void ParseItem(List<HclAttribute> attributes, List<Block> blocks, Dictionary<string, HclAttribute> seen)
    {
        var name = Next();
        var next = Peek();
        if (next.Kind == TokenKind.Assign)
        {
            var attribute = ParseAttributeValue(name);
            ExpectLineEnd(Peek(), $"expected a newline after the value of '{name.Text}'");
            if (seen.TryGetValue(name.Text, out var previous))
            {
                throw Error(name, $"attribute '{name.Text}' is already defined at line {previous.NameRange.Start.Line}");
            }

            seen.Add(name.Text, attribute);
            attributes.Add(attribute);
        }
        else if (next.Kind is TokenKind.Ident or TokenKind.OpenQuote or TokenKind.LBrace)
        {
            blocks.Add(ParseBlock(name));
        }
        else
        {
            // A name alone on its line is reported at the name, as hclsyntax does; anything else at the token that follows it.
            var at = next.Kind is TokenKind.Newline or TokenKind.Eof ? name : next;
            throw Error(at, $"expected '=' or a block after attribute name '{name.Text}', found {next.Describe()}");
        }
    }

    private HclAttribute ParseAttributeValue(Token name)
    {
        Next();
        var value = ParseExpression();
        return new HclAttribute(name.Text, value, Range(name.Start, EndOf(value)), Range(name.Start, name.End));
    }

    /// <summary>An item must end its line: the newline is consumed, the end of the file is left for the body.</summary>
    private void ExpectLineEnd(Token token, string message)
    {
        if (token.Kind == TokenKind.Newline)
        {
            Next();
        }
        else if (token.Kind != TokenKind.Eof)
        {
            throw Error(token, $"{message}, found {token.Describe()}");
        }
    }

    private Block ParseBlock(Token type)
    {
        Enter(type.Start);
        var labels = new List<string>();
        while (Peek() is { Kind: TokenKind.Ident or TokenKind.OpenQuote } label)
        {
            Next();
            labels.Add(label.Kind == TokenKind.Ident ? label.Text : ParseLabelString(label));
        }

        var open = Expect(TokenKind.LBrace, $"expected a label or '{{' in the definition of block '{type.Text}'");
        Body body;
        if (Peek().Kind is TokenKind.Newline or TokenKind.RBrace)
        {
            body = ParseBody(open);
        }
        else
        {
            body = ParseOneLineBody(open, type);
        }

        var close = Next();
        ExpectLineEnd(Peek(), $"expected a newline after the '}}' that closes block '{type.Text}'");
        Leave();
        return new Block(type.Text, labels, body, Range(type.Start, close.End), Range(type.Start, type.End));
    }

    /// <summary><c>type { name = value }</c> on one line: at most one attribute, no nested blocks.</summary>
    private Body ParseOneLineBody(Token open, Token type)
    {
        var name = Expect(TokenKind.Ident, $"expected an attribute or '}}' in the one-line block '{type.Text}'");
        if (Peek().Kind != TokenKind.Assign)
        {
            throw Error(Peek(), $"a one-line block can hold only a single attribute: expected '=' after '{name.Text}' in block '{type.Text}', or put the nested block on its own line");
        }

        var attribute = ParseAttributeValue(name);
        var close = Peek();
        return close.Kind == TokenKind.RBrace
            ? new Body([attribute], [], Range(open.Start, close.End))
            : throw Error(close, $"expected '}}' to close the one-line block '{type.Text}' (a one-line block holds a single attribute), found {close.Describe()}");
    }

    private string ParseLabelString(Token open) =>
        ParseQuotedTemplate(open) is LiteralExpr { Value: string text }
            ? text
            : throw Error(open, "a block label cannot contain interpolations or directives");
}
