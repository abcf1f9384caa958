using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    /// <summary>
    /// Attribute access, indexing and splats after a term, as hclsyntax groups them: a full splat <c>[*]</c> takes every
    /// following step, nested splats included; an attribute-only splat <c>.*</c> takes only the following <c>.name</c> steps.
    /// </summary>
    private Expression ParseTraversals(Expression source)
    {
        // Most terms have no steps: the list is made for the first one.
        List<Traverser>? steps = null;
        while (true)
        {
            var token = Peek();
            if (IsSplat(token))
            {
                source = Attach(source, steps);
                var (each, isFullSplat, end) = ParseSplat();
                source = new SplatExpr(source, each, isFullSplat, Range(StartOf(source), end));
            }
            else if (token.Kind is TokenKind.Dot or TokenKind.LBracket)
            {
                (steps ??= []).Add(ParseStep());
            }
            else
            {
                return Attach(source, steps);
            }
        }
    }

    /// <summary>Reads <c>.*</c> or <c>[*]</c> and the steps that belong to it; returns them and the offset where the splat ends.</summary>
    private (List<Traverser> Each, bool IsFullSplat, int End) ParseSplat()
    {
        var open = Next();
        Enter(open.Start);
        List<Traverser> each;
        int markerEnd;
        if (open.Kind == TokenKind.Dot)
        {
            markerEnd = Next().End;
            each = ParseAttributeSplatSteps();
        }
        else
        {
            using (NewlineMode(matter: false))
            {
                Next();
                markerEnd = Expect(TokenKind.RBracket, "expected ']' after '[*'").End;
            }

            each = ParseFullSplatSteps();
        }

        Leave();
        return (each, open.Kind == TokenKind.LBracket, each.Count > 0 ? each[^1].Range.End.Offset : markerEnd);
    }

    private List<Traverser> ParseAttributeSplatSteps()
    {
        var each = new List<Traverser>();
        while (Peek() is { Kind: TokenKind.Dot } dot)
        {
            if (IsSplat(dot))
            {
                Next();
                throw Error(Next(), "a splat expression (*) cannot be used inside another attribute-only splat expression");
            }

            each.Add(ParseStep());
        }

        return each;
    }

    private List<Traverser> ParseFullSplatSteps()
    {
        var each = new List<Traverser>();
        while (Peek() is { Kind: TokenKind.Dot or TokenKind.LBracket } token)
        {
            if (IsSplat(token))
            {
                var (inner, isFullSplat, end) = ParseSplat();
                each.Add(new SplatStep(inner, isFullSplat, Range(token.Start, end)));
            }
            else
            {
                each.Add(ParseStep());
            }
        }

        return each;
    }

    /// <summary>One <c>.name</c>, legacy <c>.0</c> or <c>[key]</c> step; the next token is '.' or '['.</summary>
    private Traverser ParseStep()
    {
        var open = Next();
        if (open.Kind == TokenKind.Dot)
        {
            var name = Next();
            switch (name.Kind)
            {
                case TokenKind.Ident:
                    return new GetAttrStep(name.Text, Range(open.Start, name.End));
                case TokenKind.Number when name.Text.Contains('.', StringComparison.Ordinal):
                    throw Error(name, $"invalid legacy index '.{name.Text}': chained legacy indexes are not allowed; write [n][m] instead");
                case TokenKind.Number:
                    var index = new LiteralExpr(Lexer.ParseNumber(name, _lines), Range(name.Start, name.End));
                    return new IndexStep(index, Range(open.Start, name.End));
                default:
                    throw Error(name, $"expected an attribute name after '.', found {name.Describe()}");
            }
        }

        using (NewlineMode(matter: false))
        {
            var key = ParseExpression();
            var close = Expect(TokenKind.RBracket, "expected ']' to close the index");
            return new IndexStep(key, Range(open.Start, close.End));
        }
    }

    private static Expression Attach(Expression source, List<Traverser>? steps)
    {
        if (steps is null or { Count: 0 })
        {
            return source;
        }

        var range = source.Range with { End = steps[^1].Range.End };
        Expression result = source is ScopeTraversalExpr scope
            ? new ScopeTraversalExpr(scope.Root, [.. scope.Steps, .. steps], range)
            : new RelativeTraversalExpr(source, [.. steps], range);
        steps.Clear();
        return result;
    }

    /// <summary>Whether a '.' or '[' token starts a splat: looks past it for '*' without consuming anything.</summary>
    private bool IsSplat(Token token)
    {
        if (token.Kind is not (TokenKind.Dot or TokenKind.LBracket))
        {
            return false;
        }

        var text = _lexer.Text;
        var i = token.End;
        while (i < text.Length && (text[i] is ' ' or '\t' || (token.Kind == TokenKind.LBracket && text[i] is '\r' or '\n')))
        {
            i++;
        }

        return i < text.Length && text[i] == '*';
    }
}
