using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Reading;
using Kagi.Core.Model;
using Kagi.Rules;

namespace Kagi.CloudFormation.Tests;

/// <summary>Templates written to a temporary folder and read the way a scan reads them.</summary>
internal static class Templates
{
    public static string Write(string text, string name = "template.yaml")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kagi-cfn-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static TemplateScan Scan(string text, CloudFormationScanOptions? options = null, string name = "template.yaml") =>
        new CloudFormationScanner(KindCatalog.CloudFormationMappers, options).Scan([Write(text, name)]);

    /// <summary>The evaluated property <c>Value</c> of the resource <c>Thing</c>, and the diagnostics met.</summary>
    public static (TemplateValue Value, List<ScanDiagnostic> Diagnostics) Evaluate(string template, CloudFormationScanOptions? options = null)
    {
        var root = (MappingNode)YamlTemplateReader.Read(template)!;
        var diagnostics = new List<ScanDiagnostic>();
        var evaluator = new TemplateEvaluator("template.yaml", root, options ?? CloudFormationScanOptions.Default, diagnostics);
        var thing = (MappingNode)((MappingNode)root.Get("Resources")!).Get("Thing")!;
        var properties = (TemplateMap)evaluator.Evaluate(thing.Get("Properties")!, "Thing");
        return (properties.Get("Value") ?? TemplateValue.Null, diagnostics);
    }

    /// <summary>A template whose resource <c>Thing</c> has the property <c>Value: <paramref name="expression"/></c>, after <paramref name="sections"/>.</summary>
    public static string WithValue(string expression, string sections = "") => $"""
        {sections}
        Resources:
          Other:
            Type: AWS::KMS::Key
          Thing:
            Type: AWS::S3::Bucket
            Properties:
              Value: {expression}
        """;
}
