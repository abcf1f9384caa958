using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Text;

/// <summary>Turns character offsets into 1-based line and column, in O(log lines) per lookup.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text, string file)
    {
        File = file;
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

        return new SourcePos(line + 1, offset - _lineStarts[line] + 1, offset);
    }

    public SourceRange Range(int start, int end) => new(File, Pos(start), Pos(end));

    public HclParseException Error(string message, int start, int end) => new(message, Range(start, Math.Max(start, end)));
}
