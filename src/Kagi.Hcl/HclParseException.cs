using Kagi.Hcl.Syntax;

namespace Kagi.Hcl;

/// <summary>A syntax error, with the place it was found and a message a person understands.</summary>
public sealed class HclParseException : Exception
{
    public HclParseException(string message, SourceRange range)
        : base($"{range.File}:{range.Start.Line}:{range.Start.Column}: {message}")
    {
        Detail = message;
        Range = range;
    }

    public HclParseException()
    {
        Detail = string.Empty;
        Range = new SourceRange(string.Empty, default, default);
    }

    public HclParseException(string message)
        : this(message, new SourceRange(string.Empty, default, default))
    {
    }

    public HclParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
        Range = new SourceRange(string.Empty, default, default);
    }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }

    public SourceRange Range { get; }
}
