using System.CommandLine;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>
/// Refuses an argument that looks like an option. The parser takes any token it does not know as an argument, so
/// <c>kagi scan iac . --severit high</c> would scan two more folders, "--severit" and "high", and report the typo only
/// after the whole scan; a path that really begins with '-' can be written <c>./-name</c>. A lone '-' stays an argument.
/// </summary>
internal static class OptionLikeArguments
{
    public static T Refused<T>(T argument)
        where T : Argument
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.Length > 1 && token.Value[0] == '-'))
            {
                // A parse error: reported before --lang is read, so in English.
                result.AddError(Texts.Get(Language.En, "cli.unknown-option", ("option", token.Value), ("argument", argument.Name)));
            }
        });
        return argument;
    }
}
