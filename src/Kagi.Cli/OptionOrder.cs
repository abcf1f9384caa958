using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kagi.Cli;

/// <summary>The values of some options in the order the user typed them; the parser keeps each option's values apart.</summary>
internal static class OptionOrder
{
    public static List<(Option Option, string Value)> InOrderTyped(ParseResult parsed, params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var typed = new List<(Option, string)>();
        Option? current = null;
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.Option)
            {
                current = options.FirstOrDefault(o => o.Name == token.Value || o.Aliases.Contains(token.Value));
            }
            else if (current is not null && token.Type == TokenType.Argument)
            {
                typed.Add((current, token.Value));
                current = null;
            }
        }

        return typed;
    }
}
