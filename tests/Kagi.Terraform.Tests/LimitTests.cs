using System.Diagnostics;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Configuration;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Tests.Support;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Tests;

/// <summary>
/// The attacks of issue 12 (each once killed the process or ran without bound): each now finishes within a generous
/// time, the values it would have built are unknown with the limit named, and the limit is reported once per file.
/// </summary>
public sealed class LimitTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private const string Cluster = """
        resource "aws_neptune_cluster" "graph" {
          storage_encrypted = true
        }
        """;

    private static (TfValue Value, List<ScanDiagnostic> Diagnostics) Output(string main, EvaluationLimits? limits = null)
    {
        var (value, diagnostics) = TryOutput(main, limits);
        return (value ?? throw new KeyNotFoundException($"no output x: {string.Join("; ", diagnostics)}"), diagnostics);
    }

    // The output, or null when the configuration did not parse far enough to declare it, with what was reported.
    private static (TfValue? Value, List<ScanDiagnostic> Diagnostics) TryOutput(string main, EvaluationLimits? limits = null)
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", main + "\noutput \"x\" {\n  value = local.x\n}\n");
        var diagnostics = new List<ScanDiagnostic>();
        var started = Stopwatch.StartNew();
        var context = new EvaluationContext(directory.Path, diagnostics) { Budget = new EvaluationBudget(limits ?? EvaluationLimits.Default) };
        var module = ModuleLoader.Load(directory.Path, null, diagnostics);
        var evaluator = new ModuleEvaluator(module, context, string.Empty, string.Empty, (_, _) => null);
        evaluator.Validate();
        TfValue? value;
        try
        {
            value = evaluator.Output("x");
        }
        catch (KeyNotFoundException)
        {
            value = null;
        }

        Assert.True(started.Elapsed < Generous, $"took {started.Elapsed}");
        return (value, diagnostics);
    }

    private static Inventory Scan(string main, EvaluationLimits? limits = null)
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", main);
        var started = Stopwatch.StartNew();
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, new TerraformScanOptions { Limits = limits ?? EvaluationLimits.Default }).Scan([directory.Path]);
        Assert.True(started.Elapsed < Generous, $"took {started.Elapsed}");
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal));
        return inventory;
    }

    private static void AssertLimitReported(IEnumerable<ScanDiagnostic> diagnostics, string limit)
    {
        var reported = Assert.Single(diagnostics, d => d.Message.Contains("a limit was reached", StringComparison.Ordinal));
        Assert.Contains(limit, reported.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, reported.Severity);
    }

    private static void AssertUnknownNaming(TfValue value, string limit) =>
        Assert.Contains(limit, Assert.IsType<TfUnknown>(value).Reason, StringComparison.Ordinal);

    [Fact]
    public void Given_a_sum_of_20000_terms_when_scanned_then_it_evaluates_and_the_scan_reports()
    {
        // Given x = 1+1+…+1, a left-deep tree 20,000 levels deep that once overflowed the stack
        var sum = "locals {\n  x = " + string.Join('+', Enumerable.Repeat("1", 20_000)) + "\n}\n";

        // When it is evaluated, and scanned beside a cluster
        var (value, diagnostics) = Output(sum);
        var inventory = Scan(sum + Cluster);

        // Then the sum is right and the scan reports the cluster
        Assert.Empty(diagnostics);
        V.Equal(V.N(20_000), value);
        Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
    }

    [Fact]
    public void Given_390_locals_of_200_parentheses_each_referring_to_the_next_when_scanned_then_the_nesting_limit_is_named_once()
    {
        // Given locals declared so that evaluating the first walks through all the others, 78,000 levels in all
        var locals = Enumerable.Range(0, 390).Select(i => $"  l{i} = {new string('(', 200)}{(i == 389 ? "1" : $"local.l{i + 1}")}{new string(')', 200)}");
        var main = "locals {\n" + string.Join('\n', locals) + "\n  x = local.l0\n}\n";

        // When it is evaluated and scanned
        var (value, diagnostics) = Output(main);
        var inventory = Scan(main + Cluster);

        // Then the value is unknown, naming the nesting limit, reported once; the cluster is still scanned
        AssertUnknownNaming(value, "nest more than");
        AssertLimitReported(diagnostics, "nest more than");
        Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
    }

    [Fact]
    public void Given_nesting_within_the_depth_limit_when_evaluated_on_a_thread_with_a_small_stack_then_it_ends_in_a_value()
    {
        // Given 9 locals of 100 parentheses, 900 levels in all: within the limit, but not within a 400 KB stack
        var locals = Enumerable.Range(0, 9).Select(i => $"  l{i} = {new string('(', 100)}{(i == 8 ? "1" : $"local.l{i + 1}")}{new string(')', 100)}");
        var main = "locals {\n" + string.Join('\n', locals) + "\n  x = local.l0\n}\n";
        (TfValue? Value, List<ScanDiagnostic> Diagnostics) outcome = (null, []);
        var thread = new Thread(() => outcome = TryOutput(main), maxStackSize: 400 * 1024);

        // When it is evaluated there, then the process is still here, with a value: known, or unknown naming the limit —
        // or, where the parser's own stack guard is met first (a Debug build's frames are larger), with the parser's
        // error saying so and no value
        thread.Start();
        thread.Join();
        var (value, diagnostics) = outcome;
        var parserGuard = value is null && diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("nest", StringComparison.OrdinalIgnoreCase));
        Assert.True(value is TfNumber || (value as TfUnknown)?.Reason.Contains("nest more than", StringComparison.Ordinal) == true || parserGuard, $"{value}: {string.Join("; ", diagnostics)}");
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("100000000")]
    public void Given_a_huge_count_when_scanned_then_the_resource_is_scanned_once_with_the_instance_limit_named(string count)
    {
        // Given a cluster counted 2^31-1 (out of memory at once) or 10^8 (12 GB and climbing) times
        var main = $$"""
            resource "aws_neptune_cluster" "graph" {
              count             = {{count}}
              storage_encrypted = true
            }
            """;

        // When it is scanned
        var inventory = Scan(main);

        // Then it is scanned once under its plain address, and the limit is named once
        Assert.Equal("aws_neptune_cluster.graph", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Id);
        AssertLimitReported(inventory.Diagnostics, "--max-instances");
    }

    [Fact]
    public void Given_a_lower_instance_limit_when_a_count_reaches_it_then_it_expands_and_past_it_it_does_not()
    {
        var limits = EvaluationLimits.Default with { MaxInstances = 3 };
        static string Counted(int n) => $$"""
            resource "aws_neptune_cluster" "graph" {
              count             = {{n}}
              storage_encrypted = true
            }
            """;

        Assert.Equal(3, Scan(Counted(3), limits).Resources.OfType<NeptuneCluster>().Count());
        var over = Scan(Counted(4), limits);
        Assert.Single(over.Resources.OfType<NeptuneCluster>());
        AssertLimitReported(over.Diagnostics, "--max-instances");
    }

    [Fact]
    public void Given_modules_that_each_call_the_next_twice_25_deep_then_the_step_budget_stops_them()
    {
        // Given 2^25 module instances without a single count: each folder calls the next one twice
        using var directory = new TempDirectory();
        for (var i = 0; i < 25; i++)
        {
            var calls = i == 24 ? string.Empty : $"module \"a\" {{\n  source = \"../m{i + 1}\"\n}}\n\nmodule \"b\" {{\n  source = \"../m{i + 1}\"\n}}\n";
            directory.Write($"m{i}/main.tf", Cluster + "\n" + calls);
        }

        // When their folder is scanned (m0 is its only root: every other folder is called by one)
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        // Then the scan ends with the budget named, and as many clusters as it allowed: a bounded amount of work, not
        // 2^25 instances (how long that takes is the shared machine's business, as measured in bench/, not a test's)
        Assert.All(inventory.Diagnostics, d => Assert.Contains("--max-evaluation-steps", d.Message, StringComparison.Ordinal));
        Assert.InRange(inventory.Resources.OfType<NeptuneCluster>().Count(), 1_000, 20_000);
    }

    [Fact]
    public void Given_a_for_each_over_more_keys_than_the_limit_then_the_instance_limit_is_named()
    {
        var main = """
            resource "aws_neptune_cluster" "graph" {
              for_each          = toset([for i in range(20) : "c${i}"])
              storage_encrypted = true
            }
            """;

        var inventory = Scan(main, EvaluationLimits.Default with { MaxInstances = 10 });

        Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        AssertLimitReported(inventory.Diagnostics, "--max-instances");
    }

    [Theory]
    [InlineData("format(\"%2000000000s\", \"x\")")]
    [InlineData("format(\"%99999999999999999999s\", \"x\")")]
    [InlineData("format(\"%.2000000000f\", 1)")]
    [InlineData("join(\",\", [for i in range(1024) : format(\"%2000s\", \"x\")])")]
    [InlineData("replace(format(\"%1000s\", \"\"), \" \", format(\"%5000s\", \"\"))")]
    [InlineData("replace(format(\"%1000s\", \"\"), \"/ /\", format(\"%5000s\", \"\"))")]
    [InlineData("\"%{for i in range(1024)}${format(\"%2000s\", \"x\")}%{endfor}\"")]
    public void Given_a_function_asked_for_a_huge_string_then_the_value_is_unknown_naming_the_string_limit(string expression)
    {
        // Given a string far over the limit (format("%2000000000s") once ran out of memory in 0.2 s)
        var (value, diagnostics) = Output($"locals {{\n  x = {expression}\n}}\n");

        // Then the value is unknown, naming the limit
        AssertUnknownNaming(value, "--max-string-length");
        AssertLimitReported(diagnostics, "--max-string-length");
    }

    [Fact]
    public void Given_try_around_a_value_over_a_limit_then_the_limit_is_not_taken_for_an_error()
    {
        // try() chooses among alternatives that Terraform could evaluate; a limit says nothing about that
        var (value, _) = Output("locals {\n  x = try(format(\"%2000000000s\", \"x\"), \"fallback\")\n}\n");

        AssertUnknownNaming(value, "--max-string-length");
    }

    [Fact]
    public void Given_three_nested_fors_over_range_1024_then_a_limit_stops_them_in_time()
    {
        // Given a billion elements (once more than 60 s and 4 GB)
        var (value, diagnostics) = Output("locals {\n  x = [for a in range(1024) : [for b in range(1024) : [for c in range(1024) : a + b + c]]]\n}\n");

        AssertUnknownNaming(value, "--max-collection-elements");
        AssertLimitReported(diagnostics, "--max-collection-elements");
    }

    [Fact]
    public void Given_work_that_builds_nothing_large_then_the_step_budget_stops_it()
    {
        // Given a billion steps that each build a small value, and a budget a tenth of the default's (the default takes
        // seconds to spend, and more under a loaded CI machine; the point here is that the budget stops it)
        var limits = EvaluationLimits.Default with { MaxEvaluationSteps = EvaluationLimits.Default.MaxEvaluationSteps / 10 };
        var (value, diagnostics) = Output("locals {\n  x = [for a in range(1024) : sum([for b in range(1024) : length([for c in range(1024) : a])])]\n}\n", limits);

        AssertUnknownNaming(value, "--max-evaluation-steps");
        AssertLimitReported(diagnostics, "--max-evaluation-steps");
    }

    [Fact]
    public void Given_templates_rendered_in_a_loop_then_their_steps_count_against_the_callers_budget()
    {
        // Given a template that loops 1,000 times, rendered 1,000 times: each render alone is well within the budget
        using var directory = new TempDirectory();
        directory.Write("t.tpl", "%{ for i in range(1000) }${i}%{ endfor }");
        directory.Write("main.tf", "output \"x\" {\n  value = [for a in range(1000) : length(templatefile(\"t.tpl\", {}))]\n}\n");
        var limits = EvaluationLimits.Default with { MaxEvaluationSteps = 1_000_000 };

        // When it is scanned
        var diagnostics = new List<ScanDiagnostic>();
        var context = new EvaluationContext(directory.Path, diagnostics) { Budget = new EvaluationBudget(limits) };
        var evaluator = new ModuleEvaluator(ModuleLoader.Load(directory.Path, null, diagnostics), context, string.Empty, string.Empty, (_, _) => null);
        var value = evaluator.Output("x");

        // Then the renders together spend the one budget, which stops them
        AssertUnknownNaming(value, "--max-evaluation-steps");
    }

    [Fact]
    public void Given_10000_instances_that_each_look_themselves_up_in_a_map_of_10000_then_no_limit_is_reached()
    {
        // Given the common pattern at the instance limit: for_each over a map, each instance reading its own entry
        var main = """
            locals {
              big = { for i in range(10) : "k${i}" => { for j in range(1000) : "k${i}-${j}" => "arn:aws:kms:us-east-1:111122223333:key/${i}-${j}" } }
              all = merge(values(local.big)...)
              x   = length(local.all)
            }

            resource "aws_neptune_cluster" "c" {
              for_each          = local.all
              kms_key_arn       = lookup(local.all, each.key, null)
              storage_encrypted = length(local.all) > 0 && contains(keys(local.big), substr(each.key, 0, 2))
            }
            """;

        // When it is evaluated, then every instance is, with no limit reached
        var (value, diagnostics) = Output(main);
        Assert.Empty(diagnostics);
        V.Equal(V.N(10_000), value);
    }

    [Fact]
    public void Given_values_that_share_their_parts_when_one_doubles_forty_times_then_encoding_it_stops_at_once()
    {
        // Given a40 = [a39, a39], ..., a0 = "x": small in memory, 2^40 strings when written out
        var locals = Enumerable.Range(1, 40).Select(i => $"  a{i} = [local.a{i - 1}, local.a{i - 1}]");
        var (value, diagnostics) = Output("locals {\n  a0 = \"x\"\n" + string.Join('\n', locals) + "\n  x = jsonencode(local.a40)\n}\n");

        Assert.IsType<TfUnknown>(value);
        Assert.Single(diagnostics, d => d.Message.Contains("a limit was reached", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_value_nested_deeper_than_the_value_nesting_limit_then_it_is_unknown()
    {
        // Given 300 locals each a list of the one before, evaluated in order, so no expression is deep but the value is
        var locals = Enumerable.Range(1, 300).Select(i => $"  a{i} = [local.a{i - 1}]");
        var (value, diagnostics) = Output("locals {\n  a0 = 1\n" + string.Join('\n', locals) + "\n  x = jsonencode(local.a300)\n}\n");

        AssertUnknownNaming(value, "nest more than");
        AssertLimitReported(diagnostics, "nest more than");
    }

    [Theory]
    [InlineData("toset")]
    [InlineData("distinct")]
    public void Given_65536_distinct_strings_then_toset_and_distinct_take_linear_time(string function)
    {
        // Given 65,536 strings and 30,000 repeated (once 32 s: every new element was compared with every kept one)
        var started = Stopwatch.StartNew();
        var (value, diagnostics) = Output($"locals {{\n  all = flatten([for i in range(256) : [for j in range(256) : \"s${{i}}-${{j}}\"]])\n  x = length({function}(concat(local.all, slice(local.all, 0, 30000))))\n}}\n");

        // Then duplicates are dropped, in a few seconds at most
        Assert.Empty(diagnostics);
        V.Equal(V.N(65_536), value);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public void Given_a_catastrophic_regex_in_replace_then_that_value_is_unknown_and_the_module_is_still_scanned()
    {
        // Given (a+)+$ against a's ending in '!', exponential in backtracking (once "a bug" that dropped the whole module)
        var main = "locals {\n  x = replace(\"" + new string('a', 40) + "!\", \"/(a+)+$/\", \"b\")\n}\n" + Cluster;
        var limits = EvaluationLimits.Default with { RegexTimeout = TimeSpan.FromMilliseconds(200) };

        var (value, diagnostics) = Output(main, limits);
        var inventory = Scan(main, limits);

        AssertUnknownNaming(value, "--regex-timeout");
        AssertLimitReported(diagnostics, "--regex-timeout");
        Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
    }

    [Fact]
    public void Given_several_values_over_one_limit_in_a_file_then_it_is_reported_once()
    {
        var (value, diagnostics) = Output("locals {\n  a = format(\"%2000000000s\", \"x\")\n  b = format(\"%2000000000s\", \"y\")\n  x = [local.a, local.b]\n}\n");

        Assert.IsType<TfUnknown>(Assert.IsType<TfSequence>(value).Items[1]);
        AssertLimitReported(diagnostics, "--max-string-length");
    }
}
