namespace Kagi.Hcl.Native;

internal enum TokenKind
{
    Eof,
    Newline,
    Ident,
    Number,
    OpenQuote,
    Heredoc,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Comma,
    Dot,
    Ellipsis,
    Star,
    Slash,
    Percent,
    Plus,
    Minus,
    Bang,
    Assign,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Question,
    Colon,
    DoubleColon,
    FatArrow,
    Tilde,
}

/// <summary>A token of the native syntax; <see cref="Start"/> and <see cref="End"/> are character offsets.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Text)
{
    public bool IsKeyword(string word) => Kind == TokenKind.Ident && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.Eof => "the end of the file",
        TokenKind.Newline => "a newline",
        TokenKind.Ident => $"'{Text}'",
        TokenKind.Number => $"the number {Text}",
        TokenKind.OpenQuote => "a string",
        TokenKind.Heredoc => "a heredoc",
        _ => $"'{Text}'",
    };
}
