using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    /// <summary>Binary operators by precedence level, lowest first; all are left-associative.</summary>
    private static readonly (TokenKind Token, BinaryOperator Operator)[][] BinaryLevels =
    [
        [(TokenKind.Or, BinaryOperator.Or)],
        [(TokenKind.And, BinaryOperator.And)],
        [(TokenKind.EqualEqual, BinaryOperator.Equal), (TokenKind.NotEqual, BinaryOperator.NotEqual)],
        [
            (TokenKind.Less, BinaryOperator.LessThan), (TokenKind.LessEqual, BinaryOperator.LessThanOrEqual),
            (TokenKind.Greater, BinaryOperator.GreaterThan), (TokenKind.GreaterEqual, BinaryOperator.GreaterThanOrEqual),
        ],
        [(TokenKind.Plus, BinaryOperator.Add), (TokenKind.Minus, BinaryOperator.Subtract)],
        [(TokenKind.Star, BinaryOperator.Multiply), (TokenKind.Slash, BinaryOperator.Divide), (TokenKind.Percent, BinaryOperator.Modulo)],
    ];

    private Expression ParseExpression()
    {
        var start = Peek();
        Enter(start.Start);
        var condition = ParseBinary(0);
        if (Peek().Kind != TokenKind.Question)
        {
            Leave();
            return condition;
        }

        Next();
        var whenTrue = ParseExpression();
        Expect(TokenKind.Colon, "expected ':' between the two results of the conditional expression");
        var whenFalse = ParseExpression();
        Leave();
        return new ConditionalExpr(condition, whenTrue, whenFalse, Range(StartOf(condition), EndOf(whenFalse)));
    }

    private Expression ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (FindOperator(level, Peek().Kind) is { } op)
        {
            Next();
            var right = ParseBinary(level + 1);
            left = new BinaryExpr(op, left, right, Range(StartOf(left), EndOf(right)));
        }

        return left;
    }

    private static BinaryOperator? FindOperator(int level, TokenKind kind)
    {
        foreach (var (token, op) in BinaryLevels[level])
        {
            if (token == kind)
            {
                return op;
            }
        }

        return null;
    }

    /// <summary>Unary operators bind to one term with its traversals: <c>-a.b + c</c> is <c>(-(a.b)) + c</c>.</summary>
    private Expression ParseUnary()
    {
        var token = Peek();
        if (token.Kind is not (TokenKind.Minus or TokenKind.Bang))
        {
            return ParseTraversals(ParseTerm());
        }

        Next();
        Enter(token.Start);
        var operand = ParseUnary();
        Leave();
        var op = token.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Not;
        return new UnaryExpr(op, operand, Range(token.Start, EndOf(operand)));
    }

    private Expression ParseTerm()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralExpr(Lexer.ParseNumber(token, _lines), Range(token.Start, token.End));
            case TokenKind.Ident:
                return ParseNameTerm(token);
            case TokenKind.LParen:
                using (NewlineMode(matter: false))
                {
                    var inner = ParseExpression();
                    var close = Expect(TokenKind.RParen, $"expected ')' to close the '(' at line {_lines.Pos(token.Start).Line}");
                    return new ParenthesesExpr(inner, Range(token.Start, close.End));
                }

            case TokenKind.LBracket:
                return ParseTupleOrFor(token);
            case TokenKind.LBrace:
                return ParseObjectOrFor(token);
            case TokenKind.OpenQuote:
                return ParseQuotedTemplate(token);
            case TokenKind.Heredoc:
                return ParseHeredoc(token);
            default:
                throw Error(token, $"expected an expression, found {token.Describe()}");
        }
    }

    /// <summary>A name is a call when '(' or '::' follows, even <c>null(...)</c>, as in hclsyntax; otherwise a keyword or a reference.</summary>
    private Expression ParseNameTerm(Token name)
    {
        var range = Range(name.Start, name.End);
        if (Peek().Kind is not (TokenKind.LParen or TokenKind.DoubleColon))
        {
            return name.Text switch
            {
                "true" => new LiteralExpr(true, range),
                "false" => new LiteralExpr(false, range),
                "null" => new LiteralExpr(null, range),
                _ => new ScopeTraversalExpr(name.Text, [], range),
            };
        }

        var function = name.Text;
        while (Peek().Kind == TokenKind.DoubleColon)
        {
            Next();
            function += "::" + Expect(TokenKind.Ident, $"expected a name after '::' in '{function}::'").Text;
        }

        Expect(TokenKind.LParen, $"expected '(' after the function name '{function}'");
        return ParseCallArguments(name, function);
    }

    private FunctionCallExpr ParseCallArguments(Token name, string function)
    {
        using var mode = NewlineMode(matter: false);
        var arguments = new List<Expression>();
        var expandFinal = false;
        while (true)
        {
            if (Peek().Kind == TokenKind.RParen)
            {
                break;
            }

            arguments.Add(ParseExpression());
            ThrowIfUnclosed(name, $"the call of '{function}'");
            var separator = Peek();
            if (separator.Kind == TokenKind.Ellipsis)
            {
                Next();
                expandFinal = true;
                var end = Expect(TokenKind.RParen, "expected ')' right after '...': only the last argument can be expanded");
                return new FunctionCallExpr(function, arguments, expandFinal, Range(name.Start, end.End));
            }

            if (separator.Kind == TokenKind.Comma)
            {
                Next();
            }
            else if (separator.Kind != TokenKind.RParen)
            {
                throw Error(separator, $"expected ',' or ')' after an argument of '{function}', found {separator.Describe()}");
            }
        }

        var close = Next();
        return new FunctionCallExpr(function, arguments, expandFinal, Range(name.Start, close.End));
    }
}
