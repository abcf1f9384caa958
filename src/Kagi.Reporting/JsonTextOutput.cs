using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kagi.Reporting;

/// <summary>
/// A JSON document written to a text writer as it goes: the writer's bytes are handed on whenever a caller at an item
/// boundary sees more than <see cref="FlushAt"/> of them, so a report of any size needs one small buffer.
/// </summary>
internal sealed class JsonTextOutput : IDisposable
{
    private const int FlushAt = 64 * 1024;

    // Japanese and shell text stay readable; JSON is data, and every renderer of it (HTML report, dashboard) escapes on output.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = Encoder,
    };

    /// <summary>How the writer escapes strings: text escaped ahead (<see cref="JsonEncodedText"/>) must be escaped by it.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);
    private readonly TextWriter _output;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = [];

    public JsonTextOutput(TextWriter output)
    {
        _output = output;
        Json = new Utf8JsonWriter(_buffer, Options);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>Hands the bytes written so far on when there are many: call it between items, never inside a string.</summary>
    public void FlushIfFull()
    {
        if (Json.BytesPending + _buffer.WrittenCount >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>Writes what is left and the final line break.</summary>
    public void Dispose()
    {
        Flush();
        Json.Dispose();
        _output.WriteLine();
    }

    private void Flush()
    {
        Json.Flush();
        var bytes = _buffer.WrittenSpan;

        // A UTF-8 file without a byte order mark takes the bytes as they are, rather than decoded and encoded again.
        if (_output is StreamWriter { Encoding: UTF8Encoding utf8 } file && utf8.Preamble.IsEmpty)
        {
            file.Flush();
            file.BaseStream.Write(bytes);
            _buffer.ResetWrittenCount();
            return;
        }

        if (_chars.Length < bytes.Length)
        {
            _chars = new char[bytes.Length];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        _output.Write(_chars, 0, count);
        _buffer.ResetWrittenCount();
    }
}
