using System.Diagnostics;
using Kagi.Core.Files;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>A scan reads only what it was asked to scan: a pull request's Terraform cannot read the host it runs on.</summary>
public sealed class ScanRootTests
{
    private const string Canary = "CANARY-5f0c2e9b-do-not-leak";

    private const string Outside = "reads outside the scanned folder";

    // Each test has a folder to scan and, beside it, one that is not scanned.
    private static TempDirectory Folders()
    {
        var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "scan"));
        directory.Write("outside/secret.txt", Canary);
        return directory;
    }

    private static string ScanFolder(TempDirectory directory) => Path.Combine(directory.Path, "scan");

    private static string OutsideFolder(TempDirectory directory) => Path.Combine(directory.Path, "outside");

    private static Inventory Scan(TempDirectory directory, params string[] allowOutside)
    {
        // Nothing here may hang: a read that blocks fails the test instead of the run.
        var scan = Task.Run(() => new TerraformScanner(KindCatalog.TerraformMappers, new TerraformScanOptions { AllowOutside = allowOutside }).Scan([ScanFolder(directory)]));
        Assert.True(scan.Wait(TimeSpan.FromSeconds(60)), "the scan did not finish within a minute");
        return scan.Result;
    }

    private static string Cluster(string name, string argument, string value) => $$"""
        resource "aws_neptune_cluster" "{{name}}" {
          storage_encrypted = true
          {{argument}} = {{value}}
        }

        """;

    private static Dictionary<string, NeptuneCluster> Clusters(Inventory inventory) =>
        inventory.Resources.OfType<NeptuneCluster>().ToDictionary(c => c.Id[(c.Id.LastIndexOf('.') + 1)..]);

    private static string Everything(Inventory inventory) =>
        string.Join('\n', inventory.Resources.Select(r => r.ToString()).Concat(inventory.Diagnostics.Select(d => d.ToString())));

    [Fact]
    public void Given_reads_of_a_sibling_file_by_dotdot_and_absolute_path_when_scanned_then_each_is_unknown_with_the_reason_and_the_content_is_nowhere()
    {
        // Given a configuration that reads a secret beside the scanned folder, and the host's files
        using var directory = Folders();
        var secret = Path.Combine(OutsideFolder(directory), "secret.txt");
        directory.Write("scan/main.tf", string.Concat(
            Cluster("relative", "kms_key_arn", "\"arn:aws:kms:us-east-1:111122223333:key/${file(\"../outside/secret.txt\")}\""),
            Cluster("absolute", "cluster_identifier", $"file(\"{secret}\")"),
            Cluster("template", "cluster_identifier", $"templatefile(\"{secret}\", {{}})"),
            Cluster("environ", "kms_key_arn", "\"arn:aws:kms:us-east-1:111122223333:key/${replace(file(\"/proc/self/environ\"), \"\\u0000\", \";\")}\""),
            Cluster("passwd", "cluster_identifier", "templatefile(\"/etc/passwd\", {})"),
            Cluster("stdin", "cluster_identifier", "file(\"/dev/stdin\")")));

        // When the folder is scanned
        var inventory = Scan(directory);

        // Then nothing failed, each value is unknown with the reason, and the secret is in no resource and no diagnostic
        Assert.Empty(inventory.Diagnostics);
        var clusters = Clusters(inventory);
        Assert.Equal(6, clusters.Count);
        Assert.Contains($"file(\"../outside/secret.txt\") {Outside}", Assert.IsType<KeyReference.Undetermined>(clusters["relative"].Key).Reason, StringComparison.Ordinal);
        Assert.Contains($"file(\"/proc/self/environ\") {Outside}", Assert.IsType<KeyReference.Undetermined>(clusters["environ"].Key).Reason, StringComparison.Ordinal);
        Assert.False(clusters["relative"].KeyLevel.IsKnown);
        Assert.Equal($"file(\"{secret}\") {Outside}", clusters["absolute"].Name.Reason);
        Assert.Equal($"templatefile(\"{secret}\") {Outside}", clusters["template"].Name.Reason);
        Assert.Equal($"templatefile(\"/etc/passwd\") {Outside}", clusters["passwd"].Name.Reason);
        Assert.Equal($"file(\"/dev/stdin\") {Outside}", clusters["stdin"].Name.Reason);
        Assert.DoesNotContain(Canary, Everything(inventory), StringComparison.Ordinal);
        Assert.DoesNotContain("root:", Everything(inventory), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_link_inside_the_folder_to_a_file_outside_when_it_is_read_then_it_is_outside_too()
    {
        using var directory = Folders();
        File.CreateSymbolicLink(Path.Combine(ScanFolder(directory), "innocent.txt"), Path.Combine(OutsideFolder(directory), "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(ScanFolder(directory), "up"), "..");
        directory.Write("scan/main.tf", Cluster("linked", "cluster_identifier", "file(\"innocent.txt\")") + Cluster("climbed", "cluster_identifier", "file(\"up/outside/secret.txt\")"));

        var inventory = Scan(directory);

        var clusters = Clusters(inventory);
        Assert.Equal($"file(\"innocent.txt\") {Outside}", clusters["linked"].Name.Reason);
        Assert.Equal($"file(\"up/outside/secret.txt\") {Outside}", clusters["climbed"].Name.Reason);
        Assert.DoesNotContain(Canary, Everything(inventory), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_fileexists_when_it_asks_about_the_host_then_it_is_unknown_and_inside_the_folder_it_tells_the_truth()
    {
        using var directory = Folders();
        directory.Write("scan/main.tf", string.Concat(
            Cluster("host", "cluster_identifier", "fileexists(\"/etc/passwd\") ? \"yes\" : \"no\""),
            Cluster("sibling", "cluster_identifier", "fileexists(\"../outside/secret.txt\") ? \"yes\" : \"no\""),
            Cluster("here", "cluster_identifier", "fileexists(\"main.tf\") ? \"yes\" : \"no\""),
            Cluster("missing", "cluster_identifier", "fileexists(\"nothing.txt\") ? \"yes\" : \"no\"")));

        var clusters = Clusters(Scan(directory));

        Assert.EndsWith($"fileexists(\"/etc/passwd\") {Outside}", clusters["host"].Name.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"fileexists(\"../outside/secret.txt\") {Outside}", clusters["sibling"].Name.Reason, StringComparison.Ordinal);
        Assert.Equal("yes", clusters["here"].Name.Value);
        Assert.Equal("no", clusters["missing"].Name.Value);
    }

    [Fact]
    public void Given_a_fifo_and_endless_devices_when_they_are_read_then_the_scan_finishes_promptly_with_them_unknown()
    {
        // Given a FIFO in the folder (opening it would block until something writes), and /dev allowed on purpose
        using var directory = Folders();
        MakeFifo(Path.Combine(ScanFolder(directory), "pipe"));
        directory.Write("scan/main.tf", string.Concat(
            Cluster("fifo", "cluster_identifier", "file(\"pipe\")"),
            Cluster("fifo_template", "cluster_identifier", "templatefile(\"pipe\", {})"),
            Cluster("fifo_exists", "cluster_identifier", "fileexists(\"pipe\") ? \"yes\" : \"no\""),
            Cluster("zero", "cluster_identifier", "file(\"/dev/zero\")"),
            Cluster("random", "cluster_identifier", "file(\"/dev/urandom\")")));

        // When it is scanned (within the time limit Scan sets)
        var stopwatch = Stopwatch.StartNew();
        var inventory = Scan(directory, "/dev");

        // Then each is unknown because it is not a regular file, and nothing was read to find out
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        Assert.Empty(inventory.Diagnostics);
        var clusters = Clusters(inventory);
        const string NotRegular = "names a device, FIFO or socket, not a regular file";
        Assert.Equal($"file(\"pipe\") {NotRegular}", clusters["fifo"].Name.Reason);
        Assert.Equal($"templatefile(\"pipe\") {NotRegular}", clusters["fifo_template"].Name.Reason);
        Assert.EndsWith($"fileexists(\"pipe\") {NotRegular}", clusters["fifo_exists"].Name.Reason, StringComparison.Ordinal);
        Assert.Equal($"file(\"/dev/zero\") {NotRegular}", clusters["zero"].Name.Reason);
        Assert.Equal($"file(\"/dev/urandom\") {NotRegular}", clusters["random"].Name.Reason);
    }

    [Fact]
    public void Given_a_configuration_file_that_is_a_fifo_when_the_folder_is_scanned_then_it_is_reported_unopened_and_the_rest_is_read()
    {
        using var directory = Folders();
        directory.Write("scan/main.tf", Cluster("ours", "cluster_identifier", "\"ours\""));
        var pipe = Path.Combine(ScanFolder(directory), "pipe.tf");
        MakeFifo(pipe);

        var inventory = Scan(directory);

        Assert.Equal("aws_neptune_cluster.ours", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Id);
        var error = Assert.Single(inventory.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, pipe), (error.Severity, error.Location?.File));
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_file_over_the_size_bound_when_it_is_read_then_it_is_unknown_naming_the_bound_and_one_at_the_bound_is_read()
    {
        using var directory = Folders();
        directory.Write("scan/large.txt", new string('x', ScanRoots.MaxFileBytes + 1));
        directory.Write("scan/bound.txt", new string('y', ScanRoots.MaxFileBytes));
        directory.Write("scan/main.tf", Cluster("large", "cluster_identifier", "file(\"large.txt\")") + Cluster("bound", "cluster_identifier", "file(\"bound.txt\")"));

        var clusters = Clusters(Scan(directory));

        Assert.Equal("file(\"large.txt\") reads a file larger than 1 MiB, the most Kagi reads", clusters["large"].Name.Reason);
        Assert.Equal(ScanRoots.MaxFileBytes, clusters["bound"].Name.Value?.Length);
    }

    [Fact]
    public void Given_a_module_source_outside_the_folder_when_scanned_then_it_is_not_read_its_outputs_are_unknown_and_a_warning_names_it()
    {
        // Given a module beside the scanned folder, whose output the root uses as its key
        using var directory = Folders();
        WriteOutsideModule(directory);

        // When the folder is scanned
        var inventory = Scan(directory);

        // Then the module's cluster is not reported, the root's key is unknown, and the warning says why
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("aws_neptune_cluster.root", cluster.Id);
        Assert.IsType<KeyReference.Undetermined>(cluster.Key);
        var warning = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("module.shared: its source \"../outside/module\" is outside the scanned folders", warning.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-outside", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_allow_outside_when_a_module_and_a_file_outside_are_read_then_they_are()
    {
        using var directory = Folders();
        WriteOutsideModule(directory, Cluster("named", "cluster_identifier", "file(\"../outside/secret.txt\")"));

        var inventory = Scan(directory, OutsideFolder(directory));

        Assert.Empty(inventory.Diagnostics);
        var clusters = Clusters(inventory);
        Assert.Equal(["inner", "named", "root"], clusters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(KeyLevel.Customer, clusters["root"].KeyLevel.Value);
        Assert.Equal(Canary, clusters["named"].Name.Value);
    }

    [Fact]
    public void Given_links_to_the_host_root_and_to_a_folder_outside_when_the_folder_is_walked_then_neither_is_followed_and_each_is_named()
    {
        // Given a folder holding a link to / and a link to a sibling folder of Terraform
        using var directory = Folders();
        directory.Write("outside/main.tf", Cluster("theirs", "cluster_identifier", "\"theirs\""));
        directory.Write("scan/main.tf", Cluster("ours", "cluster_identifier", "\"ours\""));
        var host = Path.Combine(ScanFolder(directory), "host");
        var sibling = Path.Combine(ScanFolder(directory), "sibling");
        Directory.CreateSymbolicLink(host, "/");
        Directory.CreateSymbolicLink(sibling, OutsideFolder(directory));

        // When it is scanned
        var inventory = Scan(directory);

        // Then only the folder's own cluster is reported, and each link is named in a warning
        Assert.Equal("aws_neptune_cluster.ours", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Id);
        Assert.Equal(
            [host, sibling],
            inventory.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("leading outside the scanned folders", StringComparison.Ordinal)).Select(d => d.Location?.File).Order(StringComparer.Ordinal));
        Assert.Equal(2, inventory.Diagnostics.Count);
    }

    [Fact]
    public void Given_links_that_loop_when_the_folder_is_walked_then_each_folder_is_read_once_and_the_walk_ends()
    {
        // Given a module folder with a link back up to the scanned folder, and a .tf file that is a link to itself
        using var directory = Folders();
        directory.Write("scan/app/main.tf", Cluster("app", "cluster_identifier", "\"app\""));
        Directory.CreateSymbolicLink(Path.Combine(ScanFolder(directory), "app", "again"), "..");
        var self = Path.Combine(ScanFolder(directory), "app", "self.tf");
        File.CreateSymbolicLink(self, "self.tf");

        var inventory = Scan(directory);

        Assert.Equal("aws_neptune_cluster.app", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Id);
        var loop = Assert.Single(inventory.Diagnostics);
        Assert.Equal(self, loop.Location?.File);
        Assert.Contains("in a loop", loop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_configuration_and_variables_files_that_link_outside_when_scanned_then_they_are_not_read()
    {
        // Given a .tf file and a terraform.tfvars in the folder that are links to files beside it
        using var directory = Folders();
        directory.Write("outside/theirs.tf", Cluster("theirs", "cluster_identifier", "\"theirs\""));
        directory.Write("outside/values.tfvars", $"name = \"{Canary}\"\n");
        directory.Write("scan/main.tf", "variable \"name\" {\n  default = \"ours\"\n}\n\n" + Cluster("ours", "cluster_identifier", "var.name"));
        var linkedConfiguration = Path.Combine(ScanFolder(directory), "theirs.tf");
        var linkedVariables = Path.Combine(ScanFolder(directory), "terraform.tfvars");
        File.CreateSymbolicLink(linkedConfiguration, Path.Combine(OutsideFolder(directory), "theirs.tf"));
        File.CreateSymbolicLink(linkedVariables, Path.Combine(OutsideFolder(directory), "values.tfvars"));

        var inventory = Scan(directory);

        Assert.Equal("ours", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Name.Value);
        Assert.Equal([linkedVariables, linkedConfiguration], inventory.Diagnostics.Select(d => d.Location?.File).Order(StringComparer.Ordinal));
        Assert.All(inventory.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    // A module beside the scanned folder, and a root cluster whose key is the module's output.
    private static void WriteOutsideModule(TempDirectory directory, string moreOfTheRoot = "")
    {
        directory.Write("outside/module/main.tf", Cluster("inner", "cluster_identifier", "\"inner\"") + "output \"arn\" { value = \"alias/outside\" }\n");
        directory.Write("scan/main.tf", """
            module "shared" {
              source = "../outside/module"
            }

            """ + Cluster("root", "kms_key_arn", "module.shared.arn") + moreOfTheRoot);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
