using System.Globalization;
using System.Text;
using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

internal sealed partial class Parser
{
    /// <summary>Nests directives; literal-only text becomes a <see cref="LiteralExpr"/>.</summary>
    /// <param name="closeAt">Where the template text ends (its closing quote or marker): an unclosed directive is reported there, as in hclsyntax.</param>
    private Expression BuildTemplate(List<TemplatePiece> pieces, int start, int closeAt, int end)
    {
        var index = 0;
        var parts = BuildParts(pieces, ref index, opener: null, closeAt);
        var range = Range(start, end);
        return parts switch
        {
            [] => new LiteralExpr(string.Empty, range),
            [TemplateLiteral literal] => new LiteralExpr(literal.Text, range),
            _ => new TemplateExpr(parts, range),
        };
    }

    /// <summary><c>~</c> beside a sequence removes all whitespace (newlines included) of the neighbouring literal on that side.</summary>
    private static void ApplyStripMarkers(List<TemplatePiece> pieces)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].StripBefore && i > 0 && pieces[i - 1] is LiteralPiece before)
            {
                before.Text = before.Text.TrimEnd();
            }

            if (pieces[i].StripAfter && i + 1 < pieces.Count && pieces[i + 1] is LiteralPiece after)
            {
                after.Text = after.Text.TrimStart();
            }
        }
    }

    /// <summary>
    /// <c>&lt;&lt;-</c>: removes the smallest indentation of the lines from every line, as hclsyntax does: blank lines do not count,
    /// and a line that starts with an interpolation or directive means no indentation is removed at all.
    /// </summary>
    private static void RemoveCommonIndentation(List<TemplatePiece> pieces)
    {
        var smallest = int.MaxValue;
        var lineStarts = new List<LiteralPiece>();
        var atLineStart = true;
        foreach (var piece in pieces)
        {
            if (atLineStart)
            {
                if (piece is not LiteralPiece literal)
                {
                    return;
                }

                var spaces = literal.Text.Length - literal.Text.TrimStart().Length;
                var blank = spaces == literal.Text.Length && literal.Text.EndsWith('\n');
                if (!blank)
                {
                    smallest = Math.Min(smallest, spaces);
                    lineStarts.Add(literal);
                }
            }

            atLineStart = piece is LiteralPiece line && line.Text.EndsWith('\n');
        }

        foreach (var literal in lineStarts)
        {
            literal.Text = literal.Text[smallest..];
        }
    }

    /// <summary>
    /// Nests the flat pieces, merging neighbouring literals. A literal emptied by a strip marker stays, as in hclsyntax:
    /// <c>" ${~x}"</c> is still a template that converts x to a string, not x itself.
    /// Returns at the end, or at the else/endif/endfor that closes <paramref name="opener"/>.</summary>
    private List<TemplatePart> BuildParts(List<TemplatePiece> pieces, ref int index, DirectivePiece? opener, int closeAt)
    {
        var parts = new List<TemplatePart>();
        while (index < pieces.Count)
        {
            var piece = pieces[index];
            switch (piece)
            {
                case LiteralPiece first:
                    var text = new StringBuilder();
                    var end = first.End;
                    for (; index < pieces.Count && pieces[index] is LiteralPiece literal; index++)
                    {
                        text.Append(literal.Text);
                        end = literal.End;
                    }

                    parts.Add(new TemplateLiteral(text.ToString(), Range(first.Start, end)));
                    break;
                case InterpolationPiece interpolation:
                    index++;
                    parts.Add(new TemplateInterpolation(interpolation.Expression, Range(piece.Start, piece.End)));
                    break;
                case DirectivePiece { Kind: DirectiveKind.If or DirectiveKind.For } directive:
                    index++;
                    Enter(directive.Start);
                    parts.Add(BuildDirective(pieces, ref index, directive, closeAt));
                    Leave();
                    break;
                case DirectivePiece closer when opener is not null && Closes(opener, closer):
                    return parts;
                case DirectivePiece stray:
                    throw _lines.Error($"unexpected '%{{{Keyword(stray.Kind)}}}': there is no matching '%{{{(stray.Kind == DirectiveKind.EndFor ? "for" : "if")}}}'", stray.Start, stray.End);
            }
        }

        var keyword = opener is { Kind: DirectiveKind.Else } ? "if" : Keyword(opener?.Kind ?? DirectiveKind.If);
        return opener is null
            ? parts
            : throw _lines.Error(
                $"the '%{{{keyword}}}' at line {_lines.Pos(opener.Start).Line} has no matching '%{{end{keyword}}}' before the end of the template", closeAt, closeAt + 1);
    }

    private TemplatePart BuildDirective(List<TemplatePiece> pieces, ref int index, DirectivePiece opener, int closeAt)
    {
        var body = BuildParts(pieces, ref index, opener, closeAt);
        var closer = (DirectivePiece)pieces[index++];
        if (opener.Kind == DirectiveKind.For)
        {
            return new TemplateFor(opener.KeyVariable, opener.ValueVariable!, opener.Expression!, body, Range(opener.Start, closer.End));
        }

        if (closer.Kind == DirectiveKind.EndIf)
        {
            return new TemplateIf(opener.Expression!, body, [], Range(opener.Start, closer.End));
        }

        var otherwise = BuildParts(pieces, ref index, closer, closeAt);
        var endIf = pieces[index++];
        return new TemplateIf(opener.Expression!, body, otherwise, Range(opener.Start, endIf.End));
    }

    private static bool Closes(DirectivePiece opener, DirectivePiece closer) => (opener.Kind, closer.Kind) switch
    {
        (DirectiveKind.If, DirectiveKind.Else or DirectiveKind.EndIf) => true,
        (DirectiveKind.Else, DirectiveKind.EndIf) => true,
        (DirectiveKind.For, DirectiveKind.EndFor) => true,
        _ => false,
    };

    private static string Keyword(DirectiveKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Decodes <c>$${</c> and <c>%%{</c>, and in quoted strings the backslash escapes.</summary>
    private string Decode(int start, int end, TemplateMode mode)
    {
        var text = _lexer.Text;
        var builder = new StringBuilder(end - start);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is '$' or '%' && i + 2 < end && text[i + 1] == c && text[i + 2] == '{')
            {
                builder.Append(c).Append('{');
                i += 3;
            }
            else if (c == '\\' && mode == TemplateMode.Quoted)
            {
                i = DecodeEscape(i, end, builder);
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

    private int DecodeEscape(int at, int end, StringBuilder builder)
    {
        var text = _lexer.Text;
        var kind = at + 1 < end ? text[at + 1] : '\0';
        switch (kind)
        {
            case 'n':
                builder.Append('\n');
                return at + 2;
            case 'r':
                builder.Append('\r');
                return at + 2;
            case 't':
                builder.Append('\t');
                return at + 2;
            case '"' or '\\':
                builder.Append(kind);
                return at + 2;
            case 'u' or 'U':
                var digits = kind == 'u' ? 4 : 8;
                var hex = at + 2 + digits <= end ? text.Substring(at + 2, digits) : string.Empty;
                if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || hex.Length != digits || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                {
                    throw _lines.Error($"invalid unicode escape: '\\{kind}' must be followed by {digits} hexadecimal digits of a valid code point", at, at + 2);
                }

                builder.Append(char.ConvertFromUtf32(code));
                return at + 2 + digits;
            default:
                var shown = at + 1 < end ? $"\\{text[at + 1]}" : "\\";
                throw _lines.Error($"invalid escape sequence '{shown}': use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN", at, at + 2);
        }
    }
}
