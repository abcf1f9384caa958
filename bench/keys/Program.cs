using System.Diagnostics;
using System.Globalization;
using Kagi.Cli;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;
using Kagi.Rules;
using Kagi.Rules.Aws.DynamoDb.Tables;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Efs.FileSystems;
using Kagi.Rules.Aws.Kinesis.Streams;
using Kagi.Rules.Aws.Rds.Clusters;
using Kagi.Rules.Aws.Rds.Instances;
using Kagi.Rules.Aws.Redshift.Clusters;
using Kagi.Rules.Aws.S3.Buckets;
using Kagi.Rules.Aws.Sns.Topics;
using Kagi.Rules.Aws.Sqs.Queues;
using Kagi.Web;

// `kagi keys` on a saved inventory of RESOURCES data stores, across the key-protected kinds, over KEYS KMS keys: the time
// to load the inventory, and the time the command takes beyond loading (the join of keys to their dependents, the key
// policy verdicts and the output). The inventory is generated deterministically and written by the inventory writer.
// Usage: Kagi.Bench.Keys [RESOURCES] [KEYS] [RUNS]
var resourceCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var keyCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

const string Account = "111122223333";
string[] regions = ["eu-west-1", "us-east-1", "ap-northeast-1", "eu-central-1"];
const string Policy = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"Account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
      {"Sid":"ViaRds","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*",
       "Condition":{"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"rds.eu-west-1.amazonaws.com"}}}]}
    """;

// One data store of each kind, given its ARN-like id, name, region and key.
Func<string, string, KeyReference, CloudResource>[] kinds =
[
    (id, name, key) => new RdsInstance { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new RdsCluster { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new DynamoDbTable { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new SqsQueue { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new S3Bucket { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new EbsVolume { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new EfsFileSystem { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new SnsTopic { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new KinesisStream { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
    (id, name, key) => new RedshiftCluster { Id = id, Name = Fact.Known(name), StorageEncrypted = Fact.Known(true), KmsKeyId = KeyId(key), Key = key },
];

var path = Path.Combine(Directory.CreateTempSubdirectory("kagi-bench-keys-").FullName, "inventory.json");
File.WriteAllText(path, InventoryFile.Write(new SavedInventory("aws", [$"account {Account}"], Estate())));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"inventory: {resourceCount} data stores over {keyCount} keys ({kinds.Length} kinds, {regions.Length} regions), {new FileInfo(path).Length / 1024.0 / 1024.0:F0} MiB"));

// The first run of each compiles the code it reaches (tiering is off); the best of the next RUNS is reported. What
// `kagi keys` does after loading is measured on its own too: on a shared machine, the difference of two ~15 s
// measurements drowns a sub-second part in noise.
var inventory = InventoryFile.Read(File.ReadAllText(path), KindCatalog.Kinds, path).Inventory;
var load = Best("load the inventory", () => InventoryFile.Read(File.ReadAllText(path), KindCatalog.Kinds, path));
var beyond = Best("key inventory and its JSON, beyond loading", () => KeyInventoryWriter.Write(StoredKeys.Of(inventory), "json", Language.En, TextWriter.Null));
var command = Best("kagi keys --format json, load included", Keys);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"target: CPU beyond loading under 1 s: {(beyond.Cpu < 1 ? "met" : "MISSED")} ({beyond.Cpu:F2} s); the whole command takes {command.Cpu:F2} s of CPU, loading {load.Cpu:F2} s"));

(double Cpu, double Wall) Best(string what, Action action)
{
    Measure(what + " (warm-up)", action);
    var measured = Enumerable.Range(0, runs).Select(_ => Measure(what, action)).ToList();
    var best = (Cpu: measured.Min(m => m.Cpu), Wall: measured.Min(m => m.Wall));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: best of {runs}: CPU {best.Cpu:F2} s, wall {best.Wall:F2} s"));
    return best;
}

void Keys()
{
    using var output = new StringWriter();
    using var error = new StringWriter();
    var exit = KagiCommandLine.Run(["keys", "--inventory", path, "--format", "json"], output, error, TimeProvider.System);
    if (exit != 0)
    {
        throw new InvalidOperationException($"kagi keys exited {exit}: {error}");
    }
}

static (double Cpu, double Wall) Measure(string what, Action action)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    action();
    wall.Stop();
    process.Refresh();
    var spent = (process.TotalProcessorTime - cpu).TotalSeconds;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: CPU {spent:F2} s, wall {wall.Elapsed.TotalSeconds:F2} s"));
    return (spent, wall.Elapsed.TotalSeconds);
}

// Every key customer-managed and described, as a live scan saves it; every 20th store on its service's AWS-managed
// key instead, every 50th on an AWS-owned key, so the named-key rows are built too. Keys past the stores' reach
// protect nothing.
Inventory Estate()
{
    var keys = Enumerable.Range(0, keyCount).Select(Key).ToArray();
    var resources = new List<CloudResource>(resourceCount + keyCount);
    resources.AddRange(keys);
    for (var i = 0; i < resourceCount; i++)
    {
        var region = regions[i % regions.Length];
        KeyReference key = (i % 50) == 0 ? new KeyReference.AwsOwned()
            : (i % 20) == 0 ? new KeyReference.Alias("alias/aws/rds")
            : new KeyReference.Described(keys[(i * 7919) % (keyCount - keyCount / 10)]);
        var store = kinds[i % kinds.Length]($"arn:aws:bench:{region}:{Account}:store/store-{i}", $"store-{i}", key);
        resources.Add(store with { Region = region, Account = Account });
    }

    return new Inventory(resources, []);
}

KmsKey Key(int index)
{
    var region = regions[index % regions.Length];
    var arn = $"arn:aws:kms:{region}:{Account}:key/{index:x8}-0000-4000-8000-000000000000";
    return new KmsKey
    {
        Id = arn,
        Name = Fact.Known($"key {index}"),
        Region = region,
        Account = Account,
        Arn = Fact.Known(arn),
        Manager = Fact.Known(KeyManager.Customer),
        InCustomKeyStore = Fact.Known(false),
        State = Fact.Known(index % 100 == 0 ? "Disabled" : "Enabled"),
        Origin = Fact.Known("AWS_KMS"),
        RotationEnabled = Fact.Known(index % 3 != 0),
        Policy = Fact.Known(Policy),
        KeySpec = Fact.Known("SYMMETRIC_DEFAULT"),
        DeletionDate = Fact.Known<string?>(null),
        MultiRegion = Fact.Known(false),
        Aliases = Fact.Known<IReadOnlyList<string>>([$"alias/app-{index}"]),
    };
}

static Fact<string?> KeyId(KeyReference key) => Fact.Known<string?>(key switch
{
    KeyReference.Described described => described.Key.Id,
    KeyReference.Alias alias => alias.Name,
    _ => null,
});
