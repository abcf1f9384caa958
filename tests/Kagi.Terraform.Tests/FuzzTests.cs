using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Kagi.Core.Model;
using Kagi.Hcl.Tests.Oracle;
using Kagi.Rules;
using Kagi.Terraform.Functions;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

/// <summary>
/// Fuzzing bounded by count, as the attack of issue 12 did: seeded random expressions and byte mutants of the
/// repository's Terraform files, each parsed and evaluated through the scanner. Nothing may escape as an exception
/// (the scanner reports one as an internal error), kill the process or take long. An input that ever failed is kept
/// under Regressions/ and replayed.
/// </summary>
public sealed partial class FuzzTests
{
    private const int GeneratedFiles = 3_000;

    private const int ExpressionsPerFile = 6;

    private const int ByteMutants = 6_000;

    private const string Syntax = "{}[]()\"$%=\n.*,?:<>!-+#/";

    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private static readonly string[] FunctionNames = [.. FunctionTable.Names.Order(StringComparer.Ordinal), "try", "can", "regex", "unknown_function"];

    private static readonly string[] Fixtures = [.. new[] { "examples", "tests/corpus" }
        .Select(folder => RepoPaths.Combine(folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.EnumerateFiles(folder, "*.tf", SearchOption.AllDirectories))
        .Order(StringComparer.Ordinal)];

    private static string RegressionFolder => RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Regressions");

    [Fact]
    public void Given_seeded_random_expressions_when_scanned_then_each_gives_diagnostics_never_a_crash()
    {
        // Given 18,000 expressions, six to a file, in locals that refer to one another and in a counted resource
        using var directory = new TempDirectory();
        for (var seed = 0; seed < GeneratedFiles; seed++)
        {
            var text = GeneratedFile(seed);

            // When each file is scanned, then it ends in a report
            AssertScansCleanly(directory, Encoding.UTF8.GetBytes(text), $"generated file (seed {seed})");
        }
    }

    [Fact]
    public void Given_byte_mutants_of_the_repositorys_terraform_when_scanned_then_each_gives_diagnostics_never_a_crash()
    {
        // Given the examples and corpus files with a few bytes flipped, dropped, inserted or a slice repeated
        Assert.NotEmpty(Fixtures);
        var originals = Fixtures.Select(File.ReadAllBytes).ToList();
        using var directory = new TempDirectory();
        for (var seed = 0; seed < ByteMutants; seed++)
        {
            var random = new Random(seed);
            var index = random.Next(originals.Count);
            var mutant = Mutate(originals[index], random);

            // When each is scanned, then it ends in a report
            AssertScansCleanly(directory, mutant, $"mutant {seed} of {Path.GetRelativePath(RepoPaths.Root, Fixtures[index])}");
        }
    }

    [Fact]
    public void Given_every_input_that_ever_crashed_the_scanner_when_scanned_again_then_it_gives_diagnostics_never_a_crash()
    {
        var regressions = Directory.EnumerateFiles(RegressionFolder, "*.tf").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(regressions);
        using var directory = new TempDirectory();
        foreach (var file in regressions)
        {
            AssertScansCleanly(directory, File.ReadAllBytes(file), Path.GetFileName(file));
        }
    }

    private static string GeneratedFile(int seed)
    {
        var generator = new RandomHcl(seed, FunctionNames);
        var random = new Random(seed);
        string Expression() => LocalReference().Replace(generator.Expression(random.Next(1, 5)), _ => $"local.l{random.Next(ExpressionsPerFile - 2)}");
        var locals = Enumerable.Range(0, ExpressionsPerFile - 2).Select(i => $"  l{i} = {Expression()}\n");
        return $$"""
            locals {
            {{string.Concat(locals)}}}

            resource "aws_neptune_cluster" "c" {
              count             = {{Expression()}}
              kms_key_arn       = {{Expression()}}
              storage_encrypted = true
            }

            """;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var mutations = random.Next(1, 5); mutations > 0; mutations--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                case 2:
                    bytes.Insert(at, (byte)Syntax[random.Next(Syntax.Length)]);
                    break;
                default:
                    var length = Math.Min(random.Next(1, 64), bytes.Count - Math.Min(at, bytes.Count));
                    bytes.InsertRange(at, bytes.GetRange(Math.Min(at, bytes.Count), length));
                    break;
            }
        }

        return [.. bytes];
    }

    private static void AssertScansCleanly(TempDirectory directory, byte[] input, string name)
    {
        File.WriteAllBytes(Path.Combine(directory.Path, "main.tf"), input);
        var started = Stopwatch.StartNew();
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
        var internalError = inventory.Diagnostics.FirstOrDefault(d => d.Message.Contains("internal error", StringComparison.Ordinal));
        Assert.True(internalError is null && started.Elapsed < PerInput, $"{name} {(internalError is null ? $"took {started.Elapsed}" : internalError.Message)}; keep it in {RegressionFolder}:\n{Encoding.UTF8.GetString(input)}");
    }

    [GeneratedRegex(@"local\.n\d+")]
    private static partial Regex LocalReference();
}
