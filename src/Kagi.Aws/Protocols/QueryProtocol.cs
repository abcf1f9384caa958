using System.Xml;
using System.Xml.Linq;

namespace Kagi.Aws.Protocols;

/// <summary>The Query protocol: a form with <c>Action</c> and <c>Version</c>, XML answers, XML errors.</summary>
internal sealed class QueryProtocol : WireProtocol
{
    public static readonly QueryProtocol Instance = new();

    private static readonly XmlReaderSettings ReaderSettings = new() { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit };

    private QueryProtocol()
    {
    }

    public override HttpRequestMessage Request(Uri endpoint, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", operation.Name), new("Version", operation.Api.ApiVersion) };
        form.AddRange(input.Select(member => new KeyValuePair<string, string>(member.Key, Text(operation, member.Key, member.Value))));
        return new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
    }

    public override AwsAnswer Answer(AwsOperation operation, byte[] body)
    {
        XDocument document;
        try
        {
            document = Parse(body);
        }
        catch (XmlException exception)
        {
            throw Unreadable(operation, "MalformedXml", exception.Message, exception);
        }

        var result = document.Root?.Child($"{operation.Name}Result")
            ?? throw Unreadable(operation, "MissingResult", $"the answer has no <{operation.Name}Result> element");
        return new XmlAnswer(operation, string.Empty, result);
    }

    // Errors come as <ErrorResponse><Error>… or <Response><Errors><Error>…, depending on the service generation.
    public override (string Code, string Message)? Error(HttpResponseMessage response, byte[] body)
    {
        try
        {
            var error = Parse(body).Descendants().FirstOrDefault(element => element.Name.LocalName == "Error");
            return error?.Text("Code") is { Length: > 0 } code ? (code, error.Text("Message") ?? string.Empty) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static XDocument Parse(byte[] body)
    {
        using var reader = XmlReader.Create(new MemoryStream(body, writable: false), ReaderSettings);
        return XDocument.Load(reader);
    }
}
