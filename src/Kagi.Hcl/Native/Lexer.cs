using System.Globalization;
using Kagi.Hcl.Syntax;
using Kagi.Hcl.Text;

namespace Kagi.Hcl.Native;

/// <summary>
/// Scans native-syntax tokens on demand. The parser moves <see cref="Position"/> itself while it reads
/// template text (quoted strings and heredocs), which is why this is not a whole-file token list.
/// </summary>
internal sealed class Lexer(string text, LineMap lines)
{
    private readonly List<Comment> _comments = [];

    public string Text { get; } = text;

    public LineMap Lines { get; } = lines;

    public int Position { get; set; }

    public IReadOnlyList<Comment> Comments => _comments;

    public Token Next()
    {
        if (Position == 0 && Text.StartsWith('\uFEFF'))
        {
            Position = 1;
        }

        SkipSpaceAndComments();
        var start = Position;
        if (start >= Text.Length)
        {
            return new Token(TokenKind.Eof, start, start, string.Empty);
        }

        var c = Text[start];
        if (c == '\n' || (c == '\r' && Peek(1) == '\n'))
        {
            Position += c == '\n' ? 1 : 2;
            return new Token(TokenKind.Newline, start, Position, "\n");
        }

        if (IsIdentStart(c))
        {
            return ScanIdent(start);
        }

        if (char.IsAsciiDigit(c))
        {
            return ScanNumber(start);
        }

        return c switch
        {
            '"' => Make(TokenKind.OpenQuote, 1),
            '{' => Make(TokenKind.LBrace, 1),
            '}' => Make(TokenKind.RBrace, 1),
            '[' => Make(TokenKind.LBracket, 1),
            ']' => Make(TokenKind.RBracket, 1),
            '(' => Make(TokenKind.LParen, 1),
            ')' => Make(TokenKind.RParen, 1),
            ',' => Make(TokenKind.Comma, 1),
            '.' when Peek(1) == '.' && Peek(2) == '.' => Make(TokenKind.Ellipsis, 3),
            '.' => Make(TokenKind.Dot, 1),
            '*' => Make(TokenKind.Star, 1),
            '/' => Make(TokenKind.Slash, 1),
            '%' => Make(TokenKind.Percent, 1),
            '+' => Make(TokenKind.Plus, 1),
            '-' => Make(TokenKind.Minus, 1),
            '!' when Peek(1) == '=' => Make(TokenKind.NotEqual, 2),
            '!' => Make(TokenKind.Bang, 1),
            '=' when Peek(1) == '=' => Make(TokenKind.EqualEqual, 2),
            '=' when Peek(1) == '>' => Make(TokenKind.FatArrow, 2),
            '=' => Make(TokenKind.Assign, 1),
            '<' when Peek(1) == '<' => ScanHeredocStart(start),
            '<' when Peek(1) == '=' => Make(TokenKind.LessEqual, 2),
            '<' => Make(TokenKind.Less, 1),
            '>' when Peek(1) == '=' => Make(TokenKind.GreaterEqual, 2),
            '>' => Make(TokenKind.Greater, 1),
            '&' when Peek(1) == '&' => Make(TokenKind.And, 2),
            '|' when Peek(1) == '|' => Make(TokenKind.Or, 2),
            '?' => Make(TokenKind.Question, 1),
            ':' when Peek(1) == ':' => Make(TokenKind.DoubleColon, 2),
            ':' => Make(TokenKind.Colon, 1),
            '~' => Make(TokenKind.Tilde, 1),
            _ => throw Lines.Error($"unexpected character {DescribeChar(start)}", start, start + 1),
        };
    }

    /// <summary>Unicode ID_Start (letters and letter numbers), plus '_' as hclsyntax allows.</summary>
    public static bool IsIdentStart(char c) => c == '_' || char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    /// <summary>Unicode ID_Continue (adds combining marks, digits, connectors), plus '-'.</summary>
    public static bool IsIdentPart(char c) => IsIdentStart(c) || c == '-' || char.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.ConnectorPunctuation;

    public char Peek(int ahead) => Position + ahead < Text.Length ? Text[Position + ahead] : '\0';

    public string DescribeChar(int offset) =>
        char.IsControl(Text[offset]) || char.IsSurrogate(Text[offset])
            ? $"U+{(int)Text[offset]:X4}"
            : $"'{Text[offset]}'";

    private Token Make(TokenKind kind, int length)
    {
        var start = Position;
        Position += length;
        return new Token(kind, start, Position, Text.Substring(start, length));
    }

    private Token ScanIdent(int start)
    {
        Position++;
        while (Position < Text.Length && IsIdentPart(Text[Position]))
        {
            Position++;
        }

        return new Token(TokenKind.Ident, start, Position, Text[start..Position]);
    }

    /// <summary>
    /// As hclsyntax's scanner: digits, dots and exponents (<c>e</c>, optional sign, digit) in any order, not ending with a dot.
    /// So <c>2.e-2</c> is a number, <c>3.1.4</c> one invalid number, and <c>1.</c> is <c>1</c> then a dot.
    /// </summary>
    private Token ScanNumber(int start)
    {
        var end = start + 1;
        Position = end;
        while (true)
        {
            if (char.IsAsciiDigit(Peek(0)))
            {
                Position++;
                end = Position;
            }
            else if (Peek(0) == '.')
            {
                Position++;
            }
            else if (Peek(0) is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
            {
                Position += char.IsAsciiDigit(Peek(1)) ? 2 : 3;
                end = Position;
            }
            else
            {
                break;
            }
        }

        Position = end;
        return new Token(TokenKind.Number, start, end, Text[start..end]);
    }

    /// <summary><c>&lt;&lt;EOT</c> or <c>&lt;&lt;-EOT</c>, which must end its line; the token includes that newline.</summary>
    private Token ScanHeredocStart(int start)
    {
        Position += 2;
        if (Peek(0) == '-')
        {
            Position++;
        }

        var markerStart = Position;
        if (Position >= Text.Length || !IsIdentStart(Text[Position]))
        {
            throw Lines.Error("expected a heredoc marker such as EOT after '<<'", start, Position);
        }

        while (Position < Text.Length && IsIdentPart(Text[Position]))
        {
            Position++;
        }

        var header = Text[start..Position];
        if (Peek(0) == '\r' && Peek(1) == '\n')
        {
            Position++;
        }

        if (Peek(0) != '\n')
        {
            throw Lines.Error($"the heredoc marker '{Text[markerStart..Position]}' must be followed by a newline", Position, Position + 1);
        }

        Position++;
        return new Token(TokenKind.Heredoc, start, Position, header);
    }

    private void SkipSpaceAndComments()
    {
        while (Position < Text.Length)
        {
            var c = Text[Position];
            if (c is ' ' or '\t')
            {
                Position++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                var start = Position;
                var textStart = Position + (c == '#' ? 1 : 2);
                while (Position < Text.Length && Text[Position] != '\n')
                {
                    Position++;
                }

                var end = Position > start && Text[Position - 1] == '\r' ? Position - 1 : Position;
                _comments.Add(new Comment(Text[textStart..end], Lines.Range(start, end)));
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var start = Position;
                var close = Text.IndexOf("*/", start + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Lines.Error("unterminated comment: '/*' has no matching '*/'", start, start + 2);
                }

                Position = close + 2;
                _comments.Add(new Comment(Text[(start + 2)..close], Lines.Range(start, Position)));
            }
            else
            {
                return;
            }
        }
    }

    public static decimal ParseNumber(Token token, LineMap lines)
    {
        if (decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? lines.Error($"the number {token.Text} is too large", token.Start, token.End)
            : lines.Error($"invalid number literal '{token.Text}'", token.Start, token.End);
    }
}
