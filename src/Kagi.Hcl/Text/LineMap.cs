using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Text;

/// <summary>Turns character offsets into 1-based line and column, in O(log lines) per lookup.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];
    private readonly SourcePos _origin;

    public LineMap(string text, string file)
        : this(text, file, new SourcePos(1, 1, 0))
    {
    }

    /// <summary>A map for text that starts at <paramref name="origin"/> of a file, such as a JSON string holding a template.</summary>
    public LineMap(string text, string file, SourcePos origin)
    {
        File = file;
        _origin = origin;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string File { get; }

    public SourcePos Pos(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = offset - _lineStarts[line] + (line == 0 ? _origin.Column : 1);
        return new SourcePos(_origin.Line + line, column, _origin.Offset + offset);
    }

    public SourceRange Range(int start, int end) => new(File, Pos(start), Pos(end));

    public HclParseException Error(string message, int start, int end) => new(message, Range(start, Math.Max(start, end)));
}
