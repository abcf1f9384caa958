using System.CommandLine;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>The <c>--lang en|ja</c> option of the commands that print texts: one spelling and one default everywhere.</summary>
internal static class LanguageOption
{
    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--lang") { Description = description, DefaultValueFactory = _ => "en" };
        option.AcceptOnlyFromAmong("en", "ja");
        return option;
    }

    public static Language Read(ParseResult parsed, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.GetValue(option) == "ja" ? Language.Ja : Language.En;
    }
}
