using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kagi.Aws.Tests;

/// <summary>Runs the machine's Python tools (moto_server, boto3) with dummy credentials and loopback endpoints only.</summary>
internal static class ExternalProcess
{
    public static readonly IReadOnlyDictionary<string, string> DummyCredentials = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "testing",

        // Never let a credential chain reach out to instance metadata: tests talk to loopback only.
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>The SDK's default credential chain reads the process environment; dummy keys are all an emulator needs.</summary>
    public static void UseDummyCredentials()
    {
        foreach (var (name, value) in DummyCredentials)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Runs a Python script with boto3 against <paramref name="endpoint"/> and returns what it printed; fails the test on a non-zero exit.</summary>
    public static string RunPython(string script, Uri endpoint, string region = "eu-west-1") =>
        Run("python3", ["-c", script], endpoint, TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["AWS_DEFAULT_REGION"] = region });

    /// <summary>What a boto3 script printed, a row a line, its fields split at spaces.</summary>
    public static IReadOnlyList<string[]> RunPythonRows(string script, Uri endpoint, string region = "eu-west-1") =>
        [.. RunPython(script, endpoint, region).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' '))];

    /// <summary>
    /// Runs shell commands as a user of the AWS CLI would (stopping at the first that fails), with only the endpoint
    /// taken from the environment, and returns what they printed; fails the test on a non-zero exit. A rebuild script
    /// makes dozens of aws calls, each a Python start-up: on a loaded machine that is minutes, so the limit is generous.
    /// </summary>
    public static string RunShell(string script, Uri endpoint, IReadOnlyDictionary<string, string>? environment = null) =>
        Run("bash", ["-e", "-u", "-o", "pipefail", "-c", script], endpoint, TimeSpan.FromSeconds(600), new Dictionary<string, string>(environment ?? new Dictionary<string, string>()));

    private static string Run(string program, IEnumerable<string> arguments, Uri endpoint, TimeSpan timeout, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in DummyCredentials.Concat(environment))
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_ENDPOINT_URL"] = endpoint.ToString();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds} s");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{program} exited {process.ExitCode}: {error.Result}\n{output.Result}");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
