using System.Net;
using System.Text;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>A request as it reached <see cref="LocalAws"/>, after the client signed it.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What <see cref="LocalAws"/> answers: with a <c>Content-Length</c> header where <paramref name="DeclaresLength"/>, chunked otherwise.</summary>
internal sealed record CannedAnswer(int Status, string Body, string ContentType = "application/json", string? ErrorType = null, bool DeclaresLength = false);

/// <summary>An HTTP server on a loopback port that answers each request as told and keeps what it received: the wire, without AWS.</summary>
internal sealed class LocalAws : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ReceivedRequest, CannedAnswer> _answer;
    private readonly Task _serving;
    private readonly List<ReceivedRequest> _requests = [];

    public LocalAws(Func<ReceivedRequest, CannedAnswer> answer)
    {
        _answer = answer;
        var port = ExternalProcess.FreeLoopbackPort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static LocalAws Answering(int status, string body, string contentType = "application/json", string? errorType = null) =>
        new(_ => new CannedAnswer(status, body, contentType, errorType));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(name => name, name => context.Request.Headers[name] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var received = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, await reader.ReadToEndAsync());
            lock (_requests)
            {
                _requests.Add(received);
            }

            var answer = _answer(received);
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            if (answer.ErrorType is not null)
            {
                context.Response.Headers["x-amzn-ErrorType"] = answer.ErrorType;
            }

            if (answer.DeclaresLength)
            {
                context.Response.ContentLength64 = bytes.Length;
            }

            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
