using System.Reflection;
using System.Text.Json;
using Kagi.Aws.Protocols;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>
/// Every API and operation descriptor agrees with botocore's service models on the machine: a misspelt member,
/// a wrong path or token would otherwise read as "absent" from a real answer and pass or fail a resource wrongly.
/// </summary>
public sealed class DescriptorModelTests
{
    public static TheoryData<string> Operations => [.. AwsOperations.All.Select(operation => operation.ToString())];

    public static TheoryData<string> Apis => [.. AwsOperations.All.Select(operation => operation.Api).Distinct().Select(api => BotocoreModels.NameOf(api))];

    [Theory]
    [MemberData(nameof(Apis))]
    public void The_api_is_signed_addressed_and_encoded_as_botocore_models_it(string service)
    {
        var api = AwsOperations.All.Select(operation => operation.Api).First(candidate => BotocoreModels.NameOf(candidate) == service);
        var metadata = BotocoreModels.Service(service).GetProperty("metadata");

        Assert.Equal(metadata.GetProperty("apiVersion").GetString(), api.ApiVersion);
        Assert.Equal(metadata.GetProperty("endpointPrefix").GetString(), api.EndpointPrefix);
        var signingName = metadata.TryGetProperty("signingName", out var signing) ? signing.GetString() : api.EndpointPrefix;
        Assert.Equal(signingName, api.Service.SigningName);
        var protocols = metadata.TryGetProperty("protocols", out var list) ? list.EnumerateArray().Select(item => item.GetString()).ToList() : [];
        Assert.Contains(ProtocolName(api.Protocol), protocols.Append(metadata.GetProperty("protocol").GetString()));

        // The SDKs and the CLI read AWS_ENDPOINT_URL_<serviceId in capitals, spaces as underscores>.
        var serviceId = metadata.GetProperty("serviceId").GetString()!.ToUpperInvariant().Replace(' ', '_');
        Assert.Contains(serviceId, api.Service.EndpointVariableSuffixes);

        if (api.Protocol == AwsProtocol.Json)
        {
            Assert.Equal(metadata.GetProperty("targetPrefix").GetString(), api.TargetPrefix);
            Assert.Equal(metadata.GetProperty("jsonVersion").GetString(), api.JsonVersion);
        }
        else
        {
            Assert.Null(api.TargetPrefix);
            Assert.Null(api.JsonVersion);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void The_operation_its_members_and_paging_are_as_botocore_models_them(string name)
    {
        var operation = AwsOperations.All.Single(candidate => candidate.ToString() == name);

        Assert.Empty(Disagreements(operation));
    }

    [Fact]
    public void Every_operation_descriptor_is_in_the_list_the_checks_cover()
    {
        var declared = typeof(AwsOperations).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(AwsOperation))
            .Select(property => property.GetValue(null)!.ToString()!);

        Assert.Equal(declared.Order(StringComparer.Ordinal), AwsOperations.All.Select(operation => operation.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(AwsOperations.All.Count, AwsOperations.All.Select(operation => operation.ToString()).Distinct().Count());
    }

    [Fact]
    public void Kagi_only_reads()
    {
        var writes = AwsOperations.All.Where(operation => !operation.Name.StartsWith("Describe", StringComparison.Ordinal)
            && !operation.Name.StartsWith("List", StringComparison.Ordinal) && !operation.Name.StartsWith("Get", StringComparison.Ordinal));

        Assert.Empty(writes);
    }

    private static string ProtocolName(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.Query => "query",
        AwsProtocol.Json => "json",
        _ => "rest-json",
    };

    private static List<string> Disagreements(AwsOperation operation)
    {
        var service = BotocoreModels.NameOf(operation.Api);
        var model = BotocoreModels.Service(service);
        if (!model.GetProperty("operations").TryGetProperty(operation.Name, out var definition))
        {
            return [$"botocore's {service} has no operation {operation.Name}"];
        }

        var problems = new List<string>();
        var shapes = model.GetProperty("shapes");
        var http = definition.GetProperty("http");
        Expect(http.GetProperty("method").GetString(), operation.Method, "HTTP method");
        Expect(http.GetProperty("requestUri").GetString(), operation.RequestUri, "request URI");

        var input = definition.TryGetProperty("input", out var inputRef) ? shapes.GetProperty(inputRef.GetProperty("shape").GetString()!) : default;
        foreach (var member in operation.Inputs)
        {
            if (input.ValueKind != JsonValueKind.Object || !input.GetProperty("members").TryGetProperty(member, out var definitionOfMember))
            {
                problems.Add($"input member {member} is not in the input shape");
                continue;
            }

            problems.AddRange(InputPlacement(operation, member, definitionOfMember, shapes));
        }

        problems.AddRange((operation.QueryString?.Keys ?? []).Except(operation.Inputs).Select(member => $"query-string member {member} is not an input"));

        if (!definition.TryGetProperty("output", out var outputRef))
        {
            problems.Add("the operation has no output to read");
            return problems;
        }

        var output = shapes.GetProperty(outputRef.GetProperty("shape").GetString()!);
        if (operation.Api.Protocol == AwsProtocol.Query)
        {
            Expect(outputRef.TryGetProperty("resultWrapper", out var wrapper) ? wrapper.GetString() : null, $"{operation.Name}Result", "Query result wrapper");
        }

        foreach (var path in operation.Outputs)
        {
            if (Walk(shapes, output, path, operation.Api.Protocol == AwsProtocol.Query) is { } problem)
            {
                problems.Add(problem);
            }
        }

        problems.AddRange(PagingDisagreements(operation, BotocoreModels.Paginators(service), shapes, output));
        return problems;

        void Expect(string? model, string ours, string what)
        {
            if (model != ours)
            {
                problems.Add($"{what}: botocore says '{model}', the descriptor '{ours}'");
            }
        }
    }

    private static IEnumerable<string> InputPlacement(AwsOperation operation, string member, JsonElement definition, JsonElement shapes)
    {
        var location = definition.TryGetProperty("location", out var where) ? where.GetString() : null;
        var wireName = definition.TryGetProperty("locationName", out var named) ? named.GetString() : member;
        string? inQuery = null;
        var declaredInQuery = operation.QueryString?.TryGetValue(member, out inQuery) == true;
        switch (operation.Api.Protocol, location)
        {
            case (AwsProtocol.RestJson, "querystring") when inQuery != wireName:
                yield return $"input member {member} goes in the query string as '{wireName}', the descriptor says '{inQuery}'";
                break;
            case (AwsProtocol.RestJson, null) when declaredInQuery:
                yield return $"input member {member} goes in the body, not the query string";
                break;
            case (AwsProtocol.RestJson, "uri"):
                if (operation.PathLabels?.GetValueOrDefault(member) != wireName || !operation.RequestUri.Contains($"{{{wireName}}}", StringComparison.Ordinal))
                {
                    yield return $"input member {member} fills the path's {{{wireName}}}, the descriptor says '{operation.PathLabels?.GetValueOrDefault(member)}'";
                }

                break;
            case (_, "querystring" or null):
                break;
            default:
                yield return $"input member {member} goes in the {location}, which the client does not send";
                break;
        }

        var type = shapes.GetProperty(definition.GetProperty("shape").GetString()!).GetProperty("type").GetString();
        if (operation.Api.Protocol == AwsProtocol.Query && type is not ("string" or "integer" or "boolean"))
        {
            yield return $"input member {member} is a {type}; the Query client sends scalars only";
        }
    }

    // Member names from the output shape, stepping through lists and the values of maps (AwsAnswer.Structures); the wire
    // must use the model's names for the reads to find them.
    private static string? Walk(JsonElement shapes, JsonElement shape, string path, bool query)
    {
        foreach (var member in path.Split('.'))
        {
            while (shape.GetProperty("type").GetString() is "list" or "map")
            {
                if (query && shape.TryGetProperty("flattened", out var flattened) && flattened.GetBoolean())
                {
                    return $"{path}: a flattened {shape.GetProperty("type").GetString()}, which the Query client does not read";
                }

                var inside = shape.GetProperty("type").GetString() == "list" ? "member" : "value";
                shape = shapes.GetProperty(shape.GetProperty(inside).GetProperty("shape").GetString()!);
            }

            if (shape.GetProperty("type").GetString() != "structure" || !shape.GetProperty("members").TryGetProperty(member, out var definition))
            {
                return $"{path}: {member} is not a member of the output";
            }

            if (definition.TryGetProperty("location", out var location))
            {
                return $"{path}: {member} comes in the {location.GetString()}, not the body";
            }

            if (definition.TryGetProperty("locationName", out var wireName) && wireName.GetString() != member)
            {
                return $"{path}: {member} is named '{wireName.GetString()}' on the wire";
            }

            shape = shapes.GetProperty(definition.GetProperty("shape").GetString()!);
        }

        return shape.GetProperty("type").GetString() == "map" && query && (shape.TryGetProperty("flattened", out _) || shape.GetProperty("key").TryGetProperty("locationName", out _))
            ? $"{path}: a map not in entry/key/value form"
            : null;
    }

    private static IEnumerable<string> PagingDisagreements(AwsOperation operation, JsonElement paginators, JsonElement shapes, JsonElement output)
    {
        if (!paginators.TryGetProperty(operation.Name, out var paginator))
        {
            if (operation.Paging is not null)
            {
                yield return "botocore has no paginator for it, but the descriptor pages";
            }

            yield break;
        }

        if (operation.Paging is not { } paging)
        {
            yield return "botocore pages it, but the descriptor does not";
            yield break;
        }

        foreach (var (key, ours) in new[] { ("input_token", paging.InputToken), ("output_token", paging.OutputToken), ("limit_key", paging.LimitKey), ("more_results", paging.MoreResults) })
        {
            var theirs = paginator.TryGetProperty(key, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;
            if (theirs != ours)
            {
                yield return $"paginator {key}: botocore says '{theirs}', the descriptor '{ours}'";
            }
        }

        foreach (var input in new[] { paging.InputToken, paging.LimitKey }.OfType<string>().Where(input => !operation.Inputs.Contains(input)))
        {
            yield return $"paging input {input} is not among the declared inputs";
        }

        foreach (var member in new[] { paging.OutputToken, paging.MoreResults }.OfType<string>())
        {
            if (Walk(shapes, output, member, operation.Api.Protocol == AwsProtocol.Query) is { } problem)
            {
                yield return problem;
            }
        }
    }
}
