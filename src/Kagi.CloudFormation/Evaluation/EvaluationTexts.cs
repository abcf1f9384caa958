using Kagi.Core.Localization;

namespace Kagi.CloudFormation.Evaluation;

/// <summary>Why an evaluated value is unknown or wrong, in canonical English (translated when shown).</summary>
internal static class EvaluationTexts
{
    public static string AfterDeploy(ResourceOrigin origin) => Texts.Canonical("reasons.cloudformation-known-after-deploy", ("reference", origin.ToString()));

    public static string PseudoParameterNotGiven(string name) => Texts.Canonical("reasons.cloudformation-pseudo-parameter-not-given", ("name", name));

    /// <summary>AWS::Partition and AWS::URLSuffix: they follow from the region, which is what a scan is given.</summary>
    public static string RegionNotGiven(string name) => Texts.Canonical("reasons.cloudformation-pseudo-parameter-needs-region", ("name", name));

    /// <summary>AWS::StackId and AWS::NotificationARNs: CloudFormation sets them when it creates the stack.</summary>
    public static string PseudoParameterAfterDeploy(string name) => Texts.Canonical("reasons.cloudformation-known-after-deploy", ("reference", name));

    public static string ParameterNotGiven(string name) => Texts.Canonical("reasons.cloudformation-parameter-not-given", ("name", name));

    public static string ParameterFromSsm(string name) => Texts.Canonical("reasons.cloudformation-parameter-from-ssm", ("name", name));

    public static string NotEvaluated(string function) => Texts.Canonical("reasons.cloudformation-function-not-evaluated", ("function", function));

    public static string ConditionUnknown(string name, string reason) => Texts.Canonical("reasons.cloudformation-condition-unknown", ("name", name), ("reason", reason));

    public static string UnknownFunction(string function) => Texts.Canonical("reasons.cloudformation-unknown-function", ("function", function));

    public static string UndefinedReference(string name) => Texts.Canonical("reasons.cloudformation-undefined-reference", ("name", name));

    public static string CircularCondition(string name) => Texts.Canonical("reasons.cloudformation-circular-condition", ("name", name));

    public static string CircularReference(string cycle) => Texts.Canonical("reasons.cloudformation-circular-reference", ("cycle", cycle));

    public static string BadArguments(string function) => Texts.Canonical("reasons.cloudformation-bad-arguments", ("function", function));

    public static string NotInMapping(string path) => Texts.Canonical("reasons.cloudformation-not-in-mapping", ("path", path));

    public static string Imported(string name) => Texts.Canonical("reasons.cloudformation-imported-value", ("name", name));
}
