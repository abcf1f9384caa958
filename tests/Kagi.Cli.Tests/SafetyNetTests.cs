using Kagi.Core.Rules;

namespace Kagi.Cli.Tests;

/// <summary>Whatever a command did not expect ends as one line on standard error and exit 2: never a stack trace, never exit 1.</summary>
public sealed class SafetyNetTests
{
    [Fact]
    public void Given_an_output_that_breaks_when_a_command_writes_then_it_exits_2_with_one_internal_error_line()
    {
        // Given standard output that fails as a closed pipe does
        using var output = new BrokenPipe();
        using var error = new StringWriter();

        // When a command writes to it
        var exitCode = KagiCommandLine.Run(["rules", "list"], output, error, TimeProvider.System);

        // Then the failure is named in one line, with exit code 2 (bad input), not 1 (failing findings)
        Assert.Equal(2, exitCode);
        Assert.Equal("kagi: internal error: Broken pipe", error.ToString().Trim());
    }

    [Fact]
    public void Given_a_file_when_an_internal_error_is_described_then_it_names_the_file_and_escapes_control_characters()
    {
        var line = KagiCommandLine.InternalError(new InvalidOperationException("bad \u001b[2J value"), "plans/a.json", Language.En);

        Assert.Equal("kagi: internal error in plans/a.json: bad \\x1b[2J value", line);
    }

    private sealed class BrokenPipe : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");
    }
}
