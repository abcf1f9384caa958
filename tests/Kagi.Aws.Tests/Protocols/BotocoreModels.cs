using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Kagi.Aws.Protocols;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>The service models of the botocore installed on the machine (.ci/run installs boto3): the reference the descriptors are held to.</summary>
internal static class BotocoreModels
{
    private static readonly Lazy<string> DataDirectory = new(LocateData);

    /// <summary>botocore's directory name for each API.</summary>
    public static string NameOf(AwsApi api) => api switch
    {
        _ when api == AwsApi.Rds => "rds",
        _ when api == AwsApi.Redshift => "redshift",
        _ when api == AwsApi.ElastiCache => "elasticache",
        _ when api == AwsApi.Sns => "sns",
        _ when api == AwsApi.SecretsManager => "secretsmanager",
        _ when api == AwsApi.Logs => "logs",
        _ when api == AwsApi.Kinesis => "kinesis",
        _ when api == AwsApi.Ecr => "ecr",
        _ when api == AwsApi.Backup => "backup",
        _ when api == AwsApi.OpenSearch => "opensearch",
        _ when api == AwsApi.Efs => "efs",
        _ when api == AwsApi.Tagging => "resourcegroupstaggingapi",
        _ when api == AwsApi.Organizations => "organizations",
        _ => throw new ArgumentException($"no botocore name for {api}", nameof(api)),
    };

    /// <summary>The newest model version of a service, which is the one botocore (and so the AWS CLI) uses.</summary>
    public static string NewestVersion(string service) =>
        Directory.GetDirectories(Path.Combine(DataDirectory.Value, service)).Select(Path.GetFileName).Max(StringComparer.Ordinal)!;

    public static JsonElement Service(string service) => Load(service, "service-2.json");

    public static JsonElement Paginators(string service) => Load(service, "paginators-1.json").GetProperty("pagination");

    private static JsonElement Load(string service, string file)
    {
        var path = Path.Combine(DataDirectory.Value, service, NewestVersion(service), file);
        using Stream stream = File.Exists(path) ? File.OpenRead(path) : new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static string LocateData()
    {
        var start = new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Start(start);
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? Path.Combine(output.Trim(), "data")
            : throw Missing(error);
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw Missing("python3 did not start");
        }
        catch (Win32Exception exception)
        {
            throw Missing(exception.Message);
        }
    }

    private static InvalidOperationException Missing(string why) =>
        new($"botocore is not installed, so the operation descriptors cannot be checked against its models (pip install boto3): {why}");
}
