using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    /// <summary>
    /// Attribute access, indexing and splats after a term. A full splat <c>[*]</c> takes every following
    /// <c>.name</c> and <c>[index]</c>; an attribute-only splat <c>.*</c> takes only the following <c>.name</c> steps.
    /// </summary>
    private Expression ParseTraversals(Expression source)
    {
        var steps = new List<Traverser>();
        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Dot && FollowedByStar(token))
            {
                source = Attach(source, steps);
                Next();
                var star = Next();
                source = ParseSplat(source, isFullSplat: false, star.End);
            }
            else if (token.Kind == TokenKind.LBracket && FollowedByStar(token))
            {
                source = Attach(source, steps);
                Next();
                Token close;
                using (NewlineMode(matter: false))
                {
                    Next();
                    close = Expect(TokenKind.RBracket, "expected ']' after '[*'");
                }

                source = ParseSplat(source, isFullSplat: true, close.End);
            }
            else if (token.Kind is TokenKind.Dot or TokenKind.LBracket)
            {
                steps.Add(ParseStep());
            }
            else
            {
                return Attach(source, steps);
            }
        }
    }

    private SplatExpr ParseSplat(Expression source, bool isFullSplat, int markerEnd)
    {
        var each = new List<Traverser>();
        while (Peek() is var token
            && ((token.Kind == TokenKind.Dot && !FollowedByStar(token))
                || (isFullSplat && token.Kind == TokenKind.LBracket && !FollowedByStar(token))))
        {
            each.Add(ParseStep());
        }

        var end = each.Count > 0 ? each[^1].Range.End.Offset : markerEnd;
        return new SplatExpr(source, each, isFullSplat, Range(StartOf(source), end));
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
                case TokenKind.Number when name.Text.All(char.IsAsciiDigit):
                    var index = new LiteralExpr(Lexer.ParseNumber(name, _lines), Range(name.Start, name.End));
                    return new IndexStep(index, Range(open.Start, name.End));
                case TokenKind.Number:
                    throw Error(name, $"invalid legacy index '.{name.Text}': chained legacy indexes are not allowed; write [n][m] instead");
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

    private static Expression Attach(Expression source, List<Traverser> steps)
    {
        if (steps.Count == 0)
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

    /// <summary>Looks past a '.' or '[' token for '*' without consuming anything: splats need two tokens of lookahead.</summary>
    private bool FollowedByStar(Token token)
    {
        var text = _lexer.Text;
        var i = token.End;
        while (i < text.Length && (text[i] is ' ' or '\t' || (token.Kind == TokenKind.LBracket && text[i] is '\r' or '\n')))
        {
            i++;
        }

        return i < text.Length && text[i] == '*';
    }
}
