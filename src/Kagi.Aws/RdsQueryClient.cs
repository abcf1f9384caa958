using System.Net;
using System.Xml;
using System.Xml.Linq;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// The RDS Query API that Neptune, DocumentDB and RDS share (form-encoded POST, XML answers, <c>Marker</c> paging),
/// for lack of AWSSDK.Neptune/RDS on our feed. The <see cref="HttpClient"/> signs with AWSSDK.Core's SigV4 handler;
/// retries sit above it here, so each attempt is signed afresh. It owns the <see cref="HttpClient"/>.
/// </summary>
public sealed class RdsQueryClient : IDisposable
{
    public const string ApiVersion = "2014-10-31";

    private static readonly XmlReaderSettings ReaderSettings = new() { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit };

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly RetryPolicy _retry;

    public RdsQueryClient(HttpClient http, Uri endpoint, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(retry);
        _http = http;
        _endpoint = endpoint;
        _retry = retry;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Calls an action and returns its <c>&lt;ActionResult&gt;</c> element.</summary>
    public async Task<XElement> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", ApiVersion) };
        form.AddRange(parameters);
        try
        {
            return await _retry.RunAsync(token => SendOnceAsync(action, form, token), IsRetryable, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCallException(AwsService.Rds, action, AwsFailureKind.Unreachable, "Timeout", "no answer within the per-call timeout", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsCallException(AwsService.Rds, action, AwsFailureKind.Unreachable, "ConnectionFailed", exception.Message, exception);
        }
    }

    /// <summary>Every page of a paginated action, in order, each page's result element as it comes.</summary>
    public async IAsyncEnumerable<XElement> PagesAsync(
        string action,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await CallAsync(action, marker is null ? parameters : [.. parameters, new("Marker", marker)], cancellationToken).ConfigureAwait(false);
            yield return page;
            marker = page.Child("Marker")?.Value;
            if (!string.IsNullOrEmpty(marker) && !seen.Add(marker))
            {
                // A server that hands back a marker it gave before would page forever.
                throw new AwsCallException(AwsService.Rds, action, AwsFailureKind.Unparseable, "RepeatedMarker", $"marker '{marker}' was returned twice");
            }
        }
        while (!string.IsNullOrEmpty(marker));
    }

    private static bool IsRetryable(Exception exception) => exception switch
    {
        AwsCallException failure => failure.Kind is AwsFailureKind.Throttled or AwsFailureKind.Unavailable or AwsFailureKind.Unreachable,
        HttpRequestException => true,
        _ => false,
    };

    private async Task<XElement> SendOnceAsync(string action, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new FormUrlEncodedContent(form) };
        // The body is buffered whole by SendAsync (so a broken connection fails there, as HttpRequestException) and parsed from its bytes.
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var document = Parse(action, body, response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFrom(action, document, (int)response.StatusCode);
        }

        return document?.Root?.Child($"{action}Result")
            ?? throw new AwsCallException(AwsService.Rds, action, AwsFailureKind.Unparseable, "MissingResult", $"the answer has no <{action}Result> element");
    }

    private static XDocument? Parse(string action, Stream body, HttpStatusCode status)
    {
        try
        {
            // Parsed from the bytes, not a decoded string, and without the whitespace between elements: a 100-cluster page is ~100 KB.
            using var reader = XmlReader.Create(body, ReaderSettings);
            return XDocument.Load(reader);
        }
        catch (XmlException exception) when ((int)status < 500)
        {
            throw new AwsCallException(AwsService.Rds, action, AwsFailureKind.Unparseable, "MalformedXml", $"HTTP {(int)status}: {exception.Message}", exception);
        }
        catch (XmlException)
        {
            // A 5xx page from a load balancer is often HTML; its status says enough.
            return null;
        }
    }

    // Errors come as <ErrorResponse><Error>… or <Errors><Error>…, depending on the service generation.
    private static AwsCallException ErrorFrom(string action, XDocument? document, int status)
    {
        var error = document?.Descendants().FirstOrDefault(element => element.Name.LocalName == "Error");
        var code = error?.Child("Code")?.Value ?? $"Http{status}";
        var message = error?.Child("Message")?.Value ?? $"HTTP {status}";
        return new AwsCallException(AwsService.Rds, action, AwsCallException.Classify(code, status), code, message);
    }
}

/// <summary>Reads Query API XML by local name: namespaces vary by service and version, and unknown elements are ignored.</summary>
public static class QueryXml
{
    public static XElement? Child(this XElement element, string localName)
    {
        ArgumentNullException.ThrowIfNull(element);

        // A plain walk of the children: this runs a dozen times per cluster, and LINQ's closure and enumerator showed in profiles.
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement child && child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    public static string? Text(this XElement element, string localName) => element.Child(localName)?.Value;
}

/// <summary>One element of a Query API answer, read as facts: a member the answer leaves out is unknown, with the reason.</summary>
public sealed class QueryAnswer
{
    private readonly XElement _element;
    private readonly string _call;
    private readonly string _subject;

    public QueryAnswer(XElement element, string call, string subject)
    {
        ArgumentNullException.ThrowIfNull(element);
        _element = element;
        _call = call;
        _subject = subject;
    }

    public Fact<bool> Bool(string member) => _element.Text(member) switch
    {
        "true" => Fact.Known(true),
        "false" => Fact.Known(false),
        var other => Missing<bool>(member, other),
    };

    public Fact<int> Int(string member) =>
        int.TryParse(_element.Text(member), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Fact.Known(value)
            : Missing<int>(member, _element.Text(member));

    /// <summary>A text member the API always returns: absent, it is unknown, with the reason.</summary>
    public Fact<string?> String(string member) => _element.Text(member) is { } text ? Fact.Known<string?>(text) : Missing<string?>(member, null);

    /// <summary>A list member; the Query API leaves an empty list out, so absence is a known empty list.</summary>
    public Fact<IReadOnlyList<string>> List(string member) =>
        Fact.Known<IReadOnlyList<string>>([.. _element.Child(member)?.Elements().Select(item => item.Value) ?? []]);

    private Fact<T> Missing<T>(string member, string? value) =>
        Fact.Unknown<T>(value is null
            ? Texts.Canonical("reasons.member-missing", ("call", _call), ("member", member), ("subject", _subject))
            : Texts.Canonical("reasons.member-unexpected", ("call", _call), ("member", member), ("value", value), ("subject", _subject)));
}
