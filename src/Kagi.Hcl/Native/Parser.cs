using System.Runtime.CompilerServices;
using Kagi.Hcl.Syntax;
using Kagi.Hcl.Text;

namespace Kagi.Hcl.Native;

/// <summary>
/// Recursive-descent parser for HCL native syntax, following hashicorp/hcl's hclsyntax/spec.md.
/// Newlines end attributes and separate object items, but are ignored inside (), [], interpolations and for-expressions:
/// <see cref="NewlinesMatter"/> tracks which, innermost first.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxDepth = 256;

    private readonly Lexer _lexer;
    private readonly LineMap _lines;
    private readonly Stack<bool> _newlineModes = new([true]);
    private Token? _peeked;
    private int _depth;

    public Parser(string text, LineMap lines)
    {
        _lines = lines;
        _lexer = new Lexer(text, lines);
    }

    public ConfigFile ParseFile()
    {
        var body = ParseBody(open: null);
        return new ConfigFile(_lines.File, body, _lexer.Comments);
    }

    public Expression ParseWholeExpression()
    {
        using var mode = NewlineMode(matter: false);
        var expression = ParseExpression();
        var next = Peek();
        return next.Kind == TokenKind.Eof ? expression : throw Error(next, $"expected the end of the expression, found {next.Describe()}");
    }

    private bool NewlinesMatter => _newlineModes.Peek();

    private Token Peek()
    {
        while (true)
        {
            _peeked ??= _lexer.Next();
            if (_peeked.Value.Kind != TokenKind.Newline || NewlinesMatter)
            {
                return _peeked.Value;
            }

            _peeked = null;
        }
    }

    private Token Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    private Token Expect(TokenKind kind, string message)
    {
        var token = Peek();
        return token.Kind == kind ? Next() : throw Error(token, $"{message}, found {token.Describe()}");
    }

    private void SkipNewlines()
    {
        while (Peek().Kind == TokenKind.Newline)
        {
            Next();
        }
    }

    private NewlineScope NewlineMode(bool matter)
    {
        _newlineModes.Push(matter);
        return new NewlineScope(_newlineModes);
    }

    /// <summary>Unclosed brackets are reported where they open, as hclsyntax does: the end of the file says nothing useful.</summary>
    private void ThrowIfUnclosed(Token opener, string what)
    {
        if (Peek().Kind == TokenKind.Eof)
        {
            throw Error(opener, $"{what} opened here at line {_lines.Pos(opener.Start).Line} is never closed");
        }
    }

    // The stack check backs the count on threads with small stacks: every recursion of the parser passes here.
    private void Enter(int offset)
    {
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw _lines.Error($"the configuration is nested too deeply (more than {MaxDepth} levels)", offset, offset + 1);
        }
    }

    private void Leave() => _depth--;

    private HclParseException Error(Token token, string message) => _lines.Error(message, token.Start, token.End);

    private SourceRange Range(int start, int end) => _lines.Range(start, end);

    private static int StartOf(Expression expression) => expression.Range.Start.Offset;

    private static int EndOf(Expression expression) => expression.Range.End.Offset;

    private readonly struct NewlineScope(Stack<bool> modes) : IDisposable
    {
        public void Dispose() => modes.Pop();
    }
}
