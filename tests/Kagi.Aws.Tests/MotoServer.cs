using System.Diagnostics;
using System.Net.Sockets;

namespace Kagi.Aws.Tests;

/// <summary>
/// moto_server on a free loopback port, for one test class. A machine without moto fails the tests
/// (Process.Start throws): the integration tests are part of the suite, never skipped.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;
    private readonly Lock _setUpGate = new();
    private (string Script, string Printed)? _setUp;

    public MotoServer()
        : this(patch: null)
    {
    }

    /// <summary>moto with <paramref name="patch"/> (Python, run before the server starts) mending what it gets wrong; the fixture that asks says what and why.</summary>
    internal MotoServer(string? patch)
    {
        ExternalProcess.UseDummyCredentials();
        var port = ExternalProcess.FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(
            patch is null ? "moto_server" : "python3",
            patch is null ? ["-H", "127.0.0.1", "-p", port] : ["-c", $"{patch}\nfrom moto.server import main\nmain(['-H', '127.0.0.1', '-p', '{port}'])"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        WaitUntilListening(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// Runs the boto3 script that sets this server up, the first time it is asked, and returns what it printed; one
    /// server serves one script.
    /// </summary>
    public string SetUpOnce(string script, string region)
    {
        lock (_setUpGate)
        {
            _setUp ??= (script, ExternalProcess.RunPython(script, Endpoint, region));
            return _setUp.Value.Script == script ? _setUp.Value.Printed : throw new InvalidOperationException("this moto server is set up by another script");
        }
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("moto_server did not listen within 30 s");
    }
}
