using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Configuration;

namespace Kagi.Terraform.Tests.Support;

/// <summary>A module assembled from hand-built syntax, evaluated and mapped as a directory would be.</summary>
internal sealed class ModuleFixture
{
    public TerraformModule Module { get; } = new("infra");

    public List<ScanDiagnostic> Diagnostics { get; } = [];

    public ModuleFixture Variable(string name, Expression? defaultValue, int line = 1)
    {
        Module.Variables[name] = new NamedExpression(name, defaultValue, Hcl.Line(line));
        return this;
    }

    public ModuleFixture Local(string name, Expression value, int line = 1)
    {
        Module.Locals[name] = new NamedExpression(name, value, Hcl.Line(line));
        return this;
    }

    public ModuleFixture Add(Block block)
    {
        var resource = new ResourceDeclaration(block.Type == "data" ? ResourceMode.Data : ResourceMode.Managed, block.Labels[0], block.Labels[1], block);
        Module.Resources.Add(resource);
        Module.ResourcesByAddress[resource.Address] = resource;
        return this;
    }

    public ModuleFixture Provider(string name, params (string Name, Expression Value)[] arguments)
    {
        Module.Providers[name] = new Block("provider", [name], new Body([.. arguments.Select(a => new HclAttribute(a.Name, a.Value, Hcl.At, Hcl.At))], [], Hcl.At), Hcl.At, Hcl.At);
        return this;
    }

    public ModuleEvaluator Evaluator() => new(Module, Diagnostics);

    public List<CloudResource> Map() => ConfigurationReader.Map(Module, Diagnostics, KindCatalog.TerraformMappers);

    public NeptuneCluster Cluster(string name = "graph") => Map().OfType<NeptuneCluster>().Single(c => c.Id == $"aws_neptune_cluster.{name}");
}
