using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws.Protocols;

/// <summary>Members of a protocol client's answer read as facts: a member the answer leaves out, or one it fills oddly, is unknown with the reason.</summary>
public static class AnswerFacts
{
    /// <param name="subject">What the answer describes (its ARN), for the reason.</param>
    public static Fact<bool> Bool(this AwsAnswer answer, string member, string subject)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Text(member) switch
        {
            "true" => Fact.Known(true),
            "false" => Fact.Known(false),
            null => Fact.Unknown<bool>(Texts.Canonical("reasons.member-missing", ("call", answer.Operation.Name), ("member", member), ("subject", subject))),
            var other => Fact.Unknown<bool>(Texts.Canonical("reasons.member-unexpected", ("call", answer.Operation.Name), ("member", member), ("value", other), ("subject", subject))),
        };
    }
}
