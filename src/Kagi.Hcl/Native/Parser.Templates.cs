using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    private enum TemplateMode
    {
        /// <summary>A quoted string: backslash escapes, no newlines.</summary>
        Quoted,

        /// <summary>Heredoc or bare template text (a JSON string): no backslash escapes.</summary>
        Raw,
    }

    /// <summary>Parses the text after an opening quote, up to and including the closing quote.</summary>
    private Expression ParseQuotedTemplate(Token open)
    {
        var text = _lexer.Text;
        var pieces = new List<TemplatePiece>();
        var position = open.End;
        var literalStart = position;
        while (true)
        {
            if (position >= text.Length)
            {
                throw Error(open, "unterminated string: the closing '\"' is missing");
            }

            var c = text[position];
            if (c == '"')
            {
                AddLiteral(pieces, literalStart, position, TemplateMode.Quoted);
                _lexer.Position = position + 1;
                ApplyStripMarkers(pieces);
                return BuildTemplate(pieces, open.Start, position, position + 1);
            }

            if (c is '\n' or '\r')
            {
                throw _lines.Error("unterminated string: a quoted string cannot span lines; use \\n, or a heredoc for multi-line text", position, position + 1);
            }

            if (c == '\\')
            {
                position += position + 1 < text.Length && text[position + 1] is not ('\n' or '\r') ? 2 : 1;
            }
            else if (!TryScanSequence(pieces, ref position, ref literalStart, TemplateMode.Quoted))
            {
                position++;
            }
        }
    }

    /// <summary>Parses heredoc lines after <c>&lt;&lt;EOT</c> up to the line holding only the marker.</summary>
    private Expression ParseHeredoc(Token header)
    {
        var indented = header.Text.StartsWith("<<-", StringComparison.Ordinal);
        var marker = header.Text[(indented ? 3 : 2)..];
        var pieces = ScanRawTemplate(header.End, marker, header);
        ApplyStripMarkers(pieces);
        if (indented)
        {
            RemoveCommonIndentation(pieces);
        }

        return BuildTemplate(pieces, header.Start, _lexer.Position - marker.Length, _lexer.Position);
    }

    /// <summary>The whole text as a template without quotes, the way JSON syntax reads strings.</summary>
    public Expression ParseBareTemplate()
    {
        var pieces = ScanRawTemplate(0, marker: null, header: default);
        ApplyStripMarkers(pieces);
        return BuildTemplate(pieces, 0, _lexer.Text.Length, _lexer.Text.Length);
    }

    /// <summary>Scans template text with no escapes, splitting literals after each newline (heredoc indentation works per line).</summary>
    private List<TemplatePiece> ScanRawTemplate(int position, string? marker, Token header)
    {
        var text = _lexer.Text;
        var pieces = new List<TemplatePiece>();
        var literalStart = position;
        var atLineStart = true;
        while (true)
        {
            if (atLineStart && marker is not null && ClosingMarkerEnd(position, marker) is { } end)
            {
                AddLiteral(pieces, literalStart, position, TemplateMode.Raw);
                _lexer.Position = end;
                return pieces;
            }

            atLineStart = false;
            if (position >= text.Length)
            {
                if (marker is null)
                {
                    AddLiteral(pieces, literalStart, position, TemplateMode.Raw);
                    _lexer.Position = position;
                    return pieces;
                }

                var hint = text[(text.LastIndexOf('\n') + 1)..].Trim() == marker ? ": the closing marker must be followed by a newline" : string.Empty;
                throw _lines.Error($"heredoc '{marker}' is never closed (started at line {_lines.Pos(header.Start).Line}){hint}", position, position);
            }

            if (marker is not null && text[position] == '\r' && (position + 1 == text.Length || text[position + 1] != '\n'))
            {
                throw _lines.Error("unexpected carriage return: in a heredoc it must be followed by a newline", position, position + 1);
            }

            if (text[position] == '\n')
            {
                position++;
                AddLiteral(pieces, literalStart, position, TemplateMode.Raw);
                literalStart = position;
                atLineStart = true;
            }
            else if (!TryScanSequence(pieces, ref position, ref literalStart, TemplateMode.Raw))
            {
                position++;
            }
        }
    }

    /// <summary>
    /// The end of the closing marker if the line at <paramref name="position"/> is only (indentation and) the marker.
    /// Like hclsyntax, the marker's line must end with a newline, even at the end of the file.
    /// </summary>
    private int? ClosingMarkerEnd(int position, string marker)
    {
        var text = _lexer.Text;
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        if (string.CompareOrdinal(text, position, marker, 0, marker.Length) != 0)
        {
            return null;
        }

        var end = position + marker.Length;
        return (end < text.Length && text[end] == '\n') || (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n')
            ? end
            : null;
    }

    /// <summary>Handles <c>$${</c>, <c>%%{</c> (literal), <c>${</c> and <c>%{</c> at <paramref name="position"/>; false for any other character.</summary>
    private bool TryScanSequence(List<TemplatePiece> pieces, ref int position, ref int literalStart, TemplateMode mode)
    {
        var text = _lexer.Text;
        var c = text[position];
        if (c is not ('$' or '%') || position + 1 >= text.Length)
        {
            return false;
        }

        if (text[position + 1] == c && position + 2 < text.Length && text[position + 2] == '{')
        {
            position += 3;
            return true;
        }

        if (text[position + 1] != '{')
        {
            return false;
        }

        AddLiteral(pieces, literalStart, position, mode);
        pieces.Add(c == '$' ? ParseInterpolation(position) : ParseDirective(position));
        position = _lexer.Position;
        literalStart = position;
        return true;
    }

    private void AddLiteral(List<TemplatePiece> pieces, int start, int end, TemplateMode mode)
    {
        if (end > start)
        {
            pieces.Add(new LiteralPiece(Decode(start, end, mode), start, end));
        }
    }

    private InterpolationPiece ParseInterpolation(int start)
    {
        var stripBefore = StartSequence(start);
        using var mode = NewlineMode(matter: false);
        var opener = new Token(TokenKind.LBrace, start, start + 2, "${");
        var expression = ParseExpression();
        ThrowIfUnclosed(opener, "the interpolation '${'");
        var (stripAfter, end) = ExpectSequenceEnd("the interpolation");
        return new InterpolationPiece(expression, start, end) { StripBefore = stripBefore, StripAfter = stripAfter };
    }

    private DirectivePiece ParseDirective(int start)
    {
        var stripBefore = StartSequence(start);
        using var mode = NewlineMode(matter: false);
        var keyword = Next();
        DirectivePiece Finish(DirectiveKind kind, Expression? expression = null, string? key = null, string? value = null)
        {
            var (stripAfter, end) = ExpectSequenceEnd($"the '{keyword.Text}' directive");
            return new DirectivePiece(kind, start, end)
            {
                StripBefore = stripBefore,
                StripAfter = stripAfter,
                Expression = expression,
                KeyVariable = key,
                ValueVariable = value,
            };
        }

        switch (keyword.Kind == TokenKind.Ident ? keyword.Text : null)
        {
            case "if":
                return Finish(DirectiveKind.If, ParseExpression());
            case "else":
                return Finish(DirectiveKind.Else);
            case "endif":
                return Finish(DirectiveKind.EndIf);
            case "endfor":
                return Finish(DirectiveKind.EndFor);
            case "for":
                var first = Expect(TokenKind.Ident, "expected a variable name after 'for'").Text;
                string? key = null;
                var value = first;
                if (Peek().Kind == TokenKind.Comma)
                {
                    Next();
                    key = first;
                    value = Expect(TokenKind.Ident, "expected a second variable name after ',' in the for directive").Text;
                }

                if (!Peek().IsKeyword("in"))
                {
                    throw Error(Peek(), $"expected 'in' after the variables of the for directive, found {Peek().Describe()}");
                }

                Next();
                return Finish(DirectiveKind.For, ParseExpression(), key, value);
            default:
                throw Error(keyword, $"expected 'if', 'else', 'endif', 'for' or 'endfor' after '%{{', found {keyword.Describe()}");
        }
    }

    /// <summary>Moves the lexer past <c>${</c> or <c>%{</c> and an optional <c>~</c>; true when the <c>~</c> is there.</summary>
    private bool StartSequence(int start)
    {
        Enter(start);
        var strip = start + 2 < _lexer.Text.Length && _lexer.Text[start + 2] == '~';
        _lexer.Position = start + (strip ? 3 : 2);
        return strip;
    }

    private (bool Strip, int End) ExpectSequenceEnd(string what)
    {
        var token = Next();
        var strip = false;
        if (token.Kind == TokenKind.Tilde && _lexer.Position < _lexer.Text.Length && _lexer.Text[_lexer.Position] == '}')
        {
            strip = true;
            token = Next();
        }

        Leave();
        return token.Kind switch
        {
            TokenKind.RBrace => (strip, token.End),
            TokenKind.OpenQuote => throw Error(token, $"expected '}}' to end {what} before the string ends"),
            _ => throw Error(token, $"expected '}}' to end {what}, found {token.Describe()}"),
        };
    }
}
