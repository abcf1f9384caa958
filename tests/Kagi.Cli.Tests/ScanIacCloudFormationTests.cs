using System.Text.Json;

namespace Kagi.Cli.Tests;

public sealed class ScanIacCloudFormationTests
{
    private const string Rule = "neptune-cluster-storage-encrypted";

    private static DirectoryInfo MixedFolder()
    {
        var directory = Directory.CreateTempSubdirectory("kagi-cfn-cli-");
        File.WriteAllText(Path.Combine(directory.FullName, "main.tf"), """
            resource "aws_neptune_cluster" "plain" {
            }
            """);
        File.WriteAllText(Path.Combine(directory.FullName, "stack.yaml"), """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Encrypted:
                Type: String
                Default: "false"
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  StorageEncrypted: !Ref Encrypted
            """);
        File.WriteAllText(Path.Combine(directory.FullName, "broken.template.json"), "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Graph\": [\n}\n");
        return directory;
    }

    [Fact]
    public void A_folder_holding_a_template_terraform_and_a_broken_template_judges_both_and_reports_the_broken_one()
    {
        var directory = MixedFolder();

        var (exitCode, output, error) = Kagi.Run("scan", "iac", directory.FullName, "--format", "json", "--no-store", "--rules", Rule);

        var verdicts = ScanIacCommandTests.Verdicts(output, Rule);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.plain"]);
        Assert.Equal("FAIL", verdicts["AWS::Neptune::DBCluster.Graph"]);
        Assert.Equal(2, exitCode);
        Assert.Contains(Path.Combine(directory.FullName, "broken.template.json") + ":5:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("no Terraform", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_cloudformation_finding_names_its_template_line_and_declaration()
    {
        var directory = MixedFolder();

        var (_, output, _) = Kagi.Run("scan", "iac", Path.Combine(directory.FullName, "stack.yaml"), "--format", "json", "--no-store", "--rules", Rule);

        using var document = JsonDocument.Parse(output);
        var resource = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("resource");
        Assert.Equal("AWS::Neptune::DBCluster.Graph", resource.GetProperty("id").GetString());
        Assert.Equal("AWS::Neptune::DBCluster", resource.GetProperty("type").GetString());
        Assert.Equal(7, resource.GetProperty("location").GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("PASS", "--parameter", "Encrypted=true")]
    [InlineData("FAIL", "--parameters-file", "off.json", "--parameter", "Encrypted=true", "--parameters-file", "off.json")]
    [InlineData("PASS", "--parameters-file", "on.json")]
    public void Parameters_from_the_command_line_and_files_apply_in_the_order_typed(string expected, params string[] parameters)
    {
        var directory = MixedFolder();
        File.WriteAllText(Path.Combine(directory.FullName, "on.json"), """[{"ParameterKey": "Encrypted", "ParameterValue": "true"}]""");
        File.WriteAllText(Path.Combine(directory.FullName, "off.json"), """["Encrypted=false"]""");
        var args = parameters.Select(p => p.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(directory.FullName, p) : p);

        var (_, output, _) = Kagi.Run(["scan", "iac", Path.Combine(directory.FullName, "stack.yaml"), "--format", "json", "--no-store", "--rules", Rule, .. args]);

        Assert.Equal(expected, ScanIacCommandTests.Verdicts(output, Rule)["AWS::Neptune::DBCluster.Graph"]);
    }

    [Fact]
    public void A_parameter_without_a_key_is_a_usage_error()
    {
        var (exitCode, _, error) = Kagi.Run("scan", "iac", MixedFolder().FullName, "--parameter", "Encrypted");

        Assert.Equal(2, exitCode);
        Assert.Contains("--parameter takes KEY=VALUE, not 'Encrypted'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_parameters_file_is_an_error_naming_it_and_the_scan_goes_on()
    {
        var directory = MixedFolder();
        var file = Path.Combine(directory.FullName, "bad.json");
        File.WriteAllText(file, """{"Encrypted": "true"}""");

        var (exitCode, output, error) = Kagi.Run("scan", "iac", Path.Combine(directory.FullName, "stack.yaml"), "--parameters-file", file, "--format", "json", "--no-store", "--rules", Rule);

        Assert.Equal(2, exitCode);
        Assert.Contains(file + ":1:", error, StringComparison.Ordinal);
        Assert.Equal("FAIL", ScanIacCommandTests.Verdicts(output, Rule)["AWS::Neptune::DBCluster.Graph"]);
    }

    [Fact]
    public void Pseudo_parameters_are_given_as_parameters()
    {
        // Given a key policy whose principal is the stack's account, and nothing else
        var template = Path.Combine(Directory.CreateTempSubdirectory("kagi-cfn-pseudo-").FullName, "key.yaml");
        File.WriteAllText(template, """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: !Ref AWS::AccountId }
                        Action: "kms:*"
                        Resource: "*"
            """);
        const string policyRule = "kms-key-policy-not-public";
        string[] scan = ["scan", "iac", template, "--format", "json", "--no-store", "--rules", policyRule];

        // When it is scanned without and with the account and region
        var (_, without, _) = Kagi.Run(scan);
        var (exitCode, with, error) = Kagi.Run([.. scan, "--parameter", "AWS::AccountId=111122223333", "--parameter", "AWS::Region=eu-west-1"]);

        // Then the policy is unknown until they are given, saying how to give them, and then judged in the region given
        Assert.Equal("UNKNOWN", ScanIacCommandTests.Verdicts(without, policyRule)["AWS::KMS::Key.Key"]);
        Assert.Contains("the pseudo-parameter AWS::AccountId was not given to the scan (--parameter AWS::AccountId=VALUE)", without, StringComparison.Ordinal);
        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal("PASS", ScanIacCommandTests.Verdicts(with, policyRule)["AWS::KMS::Key.Key"]);
        using var document = JsonDocument.Parse(with);
        Assert.Equal("eu-west-1", document.RootElement.GetProperty("findings")[0].GetProperty("resource").GetProperty("region").GetString());
    }

    [Fact]
    public void A_pseudo_parameter_a_stack_computes_itself_cannot_be_given()
    {
        var directory = MixedFolder();
        var stack = Path.Combine(directory.FullName, "stack.yaml");
        var file = Path.Combine(directory.FullName, "params.json");
        File.WriteAllText(file, """["Encrypted=true", "AWS::NotificationARNs=arn:x"]""");

        var (usageCode, _, usage) = Kagi.Run("scan", "iac", stack, "--parameter", "AWS::StackId=arn:x", "--no-store", "--rules", Rule);
        var (fileCode, output, _) = Kagi.Run("scan", "iac", stack, "--parameters-file", file, "--no-store", "--rules", Rule, "--format", "json");

        Assert.Equal((2, 2), (usageCode, fileCode));
        Assert.Contains("AWS::StackId cannot be given to a scan; the pseudo-parameters it takes are AWS::AccountId, AWS::Region, AWS::StackName", usage, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output);
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.StartsWith("AWS::NotificationARNs cannot be given", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(file, diagnostic.GetProperty("location").GetProperty("file").GetString());

        // And the file's other values still apply
        Assert.Equal("PASS", ScanIacCommandTests.Verdicts(output, Rule)["AWS::Neptune::DBCluster.Graph"]);
    }
}
