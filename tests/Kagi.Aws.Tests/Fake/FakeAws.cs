using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// A wire-level fake of the AWS APIs Kagi calls (RDS Query, KMS JSON and STS built in; every other API as an
/// <see cref="IFakeApi"/> handler) on a loopback port,
/// routed by the SigV4 credential scope as AWS routes by host. It does what moto does not: pages, throttles,
/// denies, fails and stalls on demand, and it records every call so tests can count them.
/// </summary>
public sealed partial class FakeAws : IAsyncDisposable
{
    // A member AWS does not return is left out of the answer, not sent as null (a typed object, not a dictionary of boxed values: cheaper per call).
    internal static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly WebApplication _app;
    private readonly FakeScenario _scenario;
    private readonly ConcurrentQueue<FakeCall> _calls;
    private readonly ConcurrentDictionary<string, bool> _accessKeyIds;
    private readonly FakeCallsInFlight _inFlight;

    // With an organization: the member accounts, each served as its own fake on the same port and reached by the keys AssumeRole hands out.
    private readonly FakeOrganization? _organization;
    private readonly Dictionary<string, FakeAws> _members = new(StringComparer.Ordinal);

    private FakeAws(WebApplication app, FakeScenario scenario, FakeOrganization? organization = null, FakeAws? root = null)
    {
        _app = app;
        _scenario = scenario;
        _organization = organization;
        _calls = root?._calls ?? new();
        _accessKeyIds = root?._accessKeyIds ?? new(StringComparer.Ordinal);
        _inFlight = root?._inFlight ?? new();
        foreach (var member in root is null ? organization?.Members ?? [] : [])
        {
            _members[member.Scenario.Account] = new FakeAws(app, member.Scenario, organization, this);
        }
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<FakeCall> Calls => _calls;

    /// <summary>The calls answered at once, by the account that answered them, region and service.</summary>
    public FakeCallsInFlight InFlight => _inFlight;

    /// <summary>The access key IDs requests were signed with.</summary>
    public IReadOnlyCollection<string> AccessKeyIds => [.. _accessKeyIds.Keys];

    public static Task<FakeAws> StartAsync(FakeScenario scenario) => StartAsync(scenario, organization: null);

    /// <summary>An organization: its management account answers the credentials the tests use, each member the keys its AssumeRole hands out.</summary>
    public static Task<FakeAws> StartAsync(FakeOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return StartAsync(organization.Management, organization);
    }

    private static async Task<FakeAws> StartAsync(FakeScenario scenario, FakeOrganization? organization)
    {
        // The empty builder: no configuration files to watch, no logging; Kestrel alone serves the fake.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeAws(app, scenario, organization);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    public int Count(string service, string action, string? region = null) =>
        _calls.Count(call => call.Service == service && call.Action == action && (region is null || call.Region == region));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (IsSsoPortal(context))
        {
            await GetRoleCredentialsAsync(context);
            return;
        }

        var scope = CredentialScope().Match(context.Request.Headers.Authorization.ToString());
        if (!scope.Success)
        {
            await Reply(context, 403, "text/xml", QueryError("MissingAuthenticationToken", "Request is missing Authentication Token"));
            return;
        }

        var (region, service) = (scope.Groups["region"].Value, scope.Groups["service"].Value);
        _accessKeyIds[scope.Groups["key"].Value] = true;
        if (Member(scope.Groups["key"].Value) is { } member)
        {
            if (!await RefusedAsExpiredAsync(context, scope.Groups["key"].Value, service))
            {
                await member.HandleAsync(context);
            }

            return;
        }

        await _inFlight.ServeAsync(_scenario.Account, region, service, () => ServeAsync(context, region, service));
    }

    // A call to this account, once routed to it.
    private async Task ServeAsync(HttpContext context, string region, string service)
    {
        if (_scenario.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_scenario.Latency);
        }

        if (service == "organizations" && _organization is not null)
        {
            await HandleOrganizationsAsync(context, region);
            return;
        }

        if (service == "tagging")
        {
            await HandleTaggingAsync(context, region);
            return;
        }

        if (FakeApis.For(service) is { } api)
        {
            await HandleApiAsync(context, api, region, service);
            return;
        }

        if (service == "kms")
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            var action = context.Request.Headers["X-Amz-Target"].ToString().Split('.').Last();
            await HandleKmsAsync(context, region, action, json.RootElement);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        await HandleQueryAsync(context, region, service, form);
    }

    private async Task HandleQueryAsync(HttpContext context, string region, string service, IFormCollection form)
    {
        var action = form["Action"].ToString();
        var subject = form.TryGetValue("Marker", out var marker) ? marker.ToString() : form.TryGetValue("RoleArn", out var role) ? role.ToString() : null;
        Record(new FakeCall(service, region, action, subject) { Engines = EngineFilter(form) });
        if ((service, action) == ("sts", "AssumeRole") && _organization is not null)
        {
            await AssumeRoleAsync(context, form);
            return;
        }

        if (!_scenario.Regions.TryGetValue(region, out var fake) && service != "sts")
        {
            // What AWS answers in a region that is not enabled for the account.
            await Reply(context, 403, "text/xml", QueryError("InvalidClientTokenId", "The security token included in the request is invalid."));
            return;
        }

        var fault = fake?.Faults.FirstOrDefault(f => f.Strikes(service, action));
        var body = (service, action) switch
        {
            _ when fault is not null => null,
            ("sts", "GetCallerIdentity") => Sts(),
            ("rds", "DescribeDBClusters") => RdsClusters(fake!, form, region),
            ("rds", "DescribeDBInstances") => RdsInstances(fake!, form, region),
            ("rds", "DescribeDBClusterSnapshots") => RdsSnapshots(fake!, form, region),
            ("rds", "DescribeDBClusterSnapshotAttributes") => RdsSnapshotAttributes(fake!, form),
            _ => null,
        };
        if (fault is not null)
        {
            await ReplyFault(context, fault.Kind, FakeWire.Query);
        }
        else if (body is null)
        {
            await Reply(context, 400, "text/xml", QueryError("InvalidAction", $"{service} {action} is not served by the fake"));
        }
        else
        {
            await Reply(context, 200, "text/xml", body);
        }
    }

    private async Task HandleKmsAsync(HttpContext context, string region, string action, JsonElement request)
    {
        var keyId = request.TryGetProperty("KeyId", out var id) ? id.GetString() : null;
        Record(new FakeCall("kms", region, action, keyId));
        if (!_scenario.Regions.TryGetValue(region, out var fake))
        {
            await Reply(context, FakeReply.Error(FakeWire.Json, "UnrecognizedClientException", "The security token included in the request is invalid."));
            return;
        }

        if (fake.Faults.FirstOrDefault(f => f.Strikes("kms", action)) is { } fault)
        {
            await ReplyFault(context, fault.Kind, FakeWire.Json);
            return;
        }

        switch (action)
        {
            case "DescribeKey" when Key(fake, keyId) is { } key:
                await (key.Denied
                    ? Reply(context, FakeReply.Error(FakeWire.Json, "AccessDeniedException", $"User is not authorized to perform: kms:DescribeKey on resource: {key.Arn}"))
                    : Reply(context, 200, "application/x-amz-json-1.1", KmsKey(key)));
                break;
            case "GetKeyRotationStatus" when Key(fake, keyId) is { Denied: false } key:
                await Reply(context, 200, "application/x-amz-json-1.1", JsonSerializer.Serialize(new { KeyRotationEnabled = key.Rotation }));
                break;
            case "GetKeyPolicy" when Key(fake, keyId) is { Denied: false } key && key.Account == _scenario.Account:
                await Reply(context, 200, "application/x-amz-json-1.1", JsonSerializer.Serialize(new { Policy = KeyPolicy(key), PolicyName = "default" }));
                break;
            case "ListResourceTags" when Key(fake, keyId) is { Denied: false } key && key.Account == _scenario.Account:
                await Reply(context, 200, "application/x-amz-json-1.1", KmsTags(key));
                break;
            case "DescribeKey" or "GetKeyRotationStatus" or "GetKeyPolicy" or "ListResourceTags":
                await Reply(context, FakeReply.Error(FakeWire.Json, "NotFoundException", $"Key '{keyId}' does not exist"));
                break;
            case "ListKeys":
                await Reply(context, 200, "application/x-amz-json-1.1", KmsKeys(fake, request));
                break;
            case "ListAliases":
                await Reply(context, 200, "application/x-amz-json-1.1", KmsAliases(fake, request));
                break;
            default:
                await Reply(context, FakeReply.Error(FakeWire.Json, "UnknownOperationException", action));
                break;
        }
    }

    // The token or marker a page is asked for by, wherever its protocol carries it (body, form or query string).
    private static string? PageToken(FakeRequest request) =>
        new[] { "NextToken", "nextToken", "Marker" }.Select(request.JsonString).FirstOrDefault(token => token is not null)
        ?? new[] { "NextToken", "Marker" }.Select(name => request.Form?[name].FirstOrDefault()).FirstOrDefault(token => token is not null)
        ?? new[] { "marker", "nextToken", "continuation-token" }.Select(name => request.Query[name].FirstOrDefault()).FirstOrDefault(token => token is not null);

    private async Task HandleApiAsync(HttpContext context, IFakeApi api, string region, string service)
    {
        var request = await ReadAsync(context, region, service);
        var action = api.ActionOf(request);
        Record(new FakeCall(service, region, action, PageToken(request)));
        if (!_scenario.Regions.TryGetValue(region, out var fake) && !api.IsAccountWide(action))
        {
            // What AWS answers in a region that is not enabled for the account.
            await Reply(context, FakeReply.Error(api.Wire, "UnrecognizedClientException", "The security token included in the request is invalid."));
        }
        else if (fake?.Faults.FirstOrDefault(f => f.Strikes(service, action)) is { } fault)
        {
            await ReplyFault(context, fault.Kind, api.Wire);
        }
        else
        {
            await Reply(context, api.Answer(request, fake ?? new FakeRegion(), _scenario) ?? FakeReply.Error(api.Wire, "InvalidAction", $"{service} {action} is not served by the fake"));
        }
    }

    private static async Task<FakeRequest> ReadAsync(HttpContext context, string region, string service)
    {
        var http = context.Request;
        var target = http.Headers["X-Amz-Target"].FirstOrDefault()?.Split('.').Last();
        if (http.HasFormContentType)
        {
            return new(service, region, http.Method, http.Path, http.Query, target, null, await http.ReadFormAsync());
        }

        using var body = new StreamReader(http.Body, Encoding.UTF8);
        var text = await body.ReadToEndAsync();
        JsonElement? json = text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : null;
        return new(service, region, http.Method, Uri.UnescapeDataString(http.Path.Value ?? "/"), http.Query, target, json, null);
    }

    private string Sts() => $"""
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::{_scenario.Account}:user/kagi-scanner</Arn>
            <UserId>AIDAEXAMPLE</UserId>
            <Account>{_scenario.Account}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    private string RdsClusters(FakeRegion fake, IFormCollection form, string region) =>
        RdsPage("DescribeDBClusters", "DBClusters", fake.Clusters, cluster => cluster.Engine, cluster => Cluster(cluster, region), fake.MaxPageSize, form);

    // Another account's snapshot is listed only when asked for: shared ones with IncludeShared, public ones with IncludePublic.
    private string RdsSnapshots(FakeRegion fake, IFormCollection form, string region) =>
        RdsPage("DescribeDBClusterSnapshots", "DBClusterSnapshots", fake.Snapshots.Where(snapshot => OwnerOf(snapshot) == _scenario.Account || (snapshot.Public ? form["IncludePublic"] : form["IncludeShared"]) == "true"), snapshot => snapshot.Engine, snapshot => Snapshot(snapshot, region), fake.MaxPageSize, form);

    // One page of a listing, filtered by engine as the real API does, the marker being the offset of the next page.
    private static string RdsPage<T>(string action, string list, IEnumerable<T> all, Func<T, string> engineOf, Func<T, string> xml, int maxPageSize, IFormCollection form)
    {
        var engines = EngineFilter(form)?.Split(',');
        var matching = all.Where(item => engines is null || engines.Contains(engineOf(item))).ToList();
        var pageSize = Math.Min(maxPageSize, int.TryParse(form["MaxRecords"], out var max) ? max : 100);
        var start = int.TryParse(form["Marker"], out var offset) ? offset : 0;
        var next = start + pageSize < matching.Count ? $"<Marker>{start + pageSize}</Marker>" : string.Empty;
        var items = string.Concat(matching.Skip(start).Take(pageSize).Select(xml));
        return $"""
            <{action}Response xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
              <{action}Result>
                <{list}>{items}</{list}>
                {next}
              </{action}Result>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </{action}Response>
            """;
    }

    // The engines an RDS listing asks for (Filters.Filter.1.Values.Value.N), comma-separated; null when it asks for all.
    private static string? EngineFilter(IFormCollection form) =>
        form["Filters.Filter.1.Name"] == "engine"
            ? string.Join(',', form.Where(pair => pair.Key.StartsWith("Filters.Filter.1.Values.Value.", StringComparison.Ordinal)).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value.ToString()))
            : null;

    // DB instances are stores of kind AWS::RDS::DBInstance: Extra["Engine"], and Extra["DBClusterIdentifier"] for a cluster's member.
    private string RdsInstances(FakeRegion fake, IFormCollection form, string region) =>
        RdsPage("DescribeDBInstances", "DBInstances", fake.StoresOf(Kagi.Rules.Aws.Rds.Instances.RdsInstance.Descriptor.Type), instance => instance.Extra["Engine"], instance => Instance(instance, region), fake.MaxPageSize, form);

    private string Instance(FakeStore instance, string region)
    {
        var name = SecurityElement.Escape(instance.Name);
        var key = instance.KmsKeyId is null ? string.Empty : $"<KmsKeyId>{SecurityElement.Escape(instance.KmsKeyId)}</KmsKeyId>";
        var cluster = instance.Extra.TryGetValue("DBClusterIdentifier", out var member) ? $"<DBClusterIdentifier>{SecurityElement.Escape(member)}</DBClusterIdentifier>" : string.Empty;
        return $"""
            <DBInstance>
              <DBInstanceIdentifier>{name}</DBInstanceIdentifier>
              <DBInstanceClass>{SecurityElement.Escape(instance.Extra.GetValueOrDefault("DBInstanceClass", "db.t3.micro"))}</DBInstanceClass>
              <Engine>{instance.Extra["Engine"]}</Engine>
              {string.Concat(instance.Extra.Where(member => member.Key is "AvailabilityZone" or "PromotionTier").Select(member => $"<{member.Key}>{SecurityElement.Escape(member.Value)}</{member.Key}>"))}
              <DBInstanceStatus>available</DBInstanceStatus>
              <Endpoint><Address>{name}.abc.{region}.rds.amazonaws.com</Address><Port>5432</Port></Endpoint>
              <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>
              {cluster}
              <StorageEncrypted>{(instance.Encrypted ? "true" : "false")}</StorageEncrypted>
              {key}
              <DBInstanceArn>arn:aws:rds:{region}:{_scenario.Account}:db:{name}</DBInstanceArn>
            </DBInstance>
            """;
    }

    private string Snapshot(FakeSnapshot snapshot, string region)
    {
        var key = snapshot.KmsKeyArn is null ? string.Empty : $"<KmsKeyId>{SecurityElement.Escape(snapshot.KmsKeyArn)}</KmsKeyId>";
        return $"""
            <DBClusterSnapshot>
              <AvailabilityZones><AvailabilityZone>{region}a</AvailabilityZone></AvailabilityZones>
              <DBClusterSnapshotIdentifier>{SecurityElement.Escape(snapshot.Identifier)}</DBClusterSnapshotIdentifier>
              <DBClusterIdentifier>graph</DBClusterIdentifier>
              <Engine>{snapshot.Engine}</Engine>
              <Status>available</Status>
              <SnapshotType>{(snapshot.Manual ? "manual" : "automated")}</SnapshotType>
              <StorageEncrypted>{(snapshot.Encrypted ? "true" : "false")}</StorageEncrypted>
              {key}
              <DBClusterSnapshotArn>arn:aws:rds:{region}:{OwnerOf(snapshot)}:cluster-snapshot:{SecurityElement.Escape(snapshot.Identifier)}</DBClusterSnapshotArn>
            </DBClusterSnapshot>
            """;
    }

    // Served to the owner alone, as AWS does.
    private string? RdsSnapshotAttributes(FakeRegion fake, IFormCollection form)
    {
        var identifier = form["DBClusterSnapshotIdentifier"].ToString();
        if (fake.Snapshots.FirstOrDefault(snapshot => snapshot.Identifier == identifier && OwnerOf(snapshot) == _scenario.Account) is not { } snapshot)
        {
            return null;
        }

        var values = snapshot.Public ? "<AttributeValue>all</AttributeValue>" : string.Empty;
        return $"""
            <DescribeDBClusterSnapshotAttributesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
              <DescribeDBClusterSnapshotAttributesResult>
                <DBClusterSnapshotAttributesResult>
                  <DBClusterSnapshotIdentifier>{SecurityElement.Escape(identifier)}</DBClusterSnapshotIdentifier>
                  <DBClusterSnapshotAttributes>
                    <DBClusterSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues>{values}</AttributeValues></DBClusterSnapshotAttribute>
                  </DBClusterSnapshotAttributes>
                </DBClusterSnapshotAttributesResult>
              </DescribeDBClusterSnapshotAttributesResult>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </DescribeDBClusterSnapshotAttributesResponse>
            """;
    }

    private string OwnerOf(FakeSnapshot snapshot) => snapshot.Owner ?? _scenario.Account;

    private string Cluster(FakeCluster cluster, string region)
    {
        // A real answer carries many more members than Kagi reads, with per-list element names; keep some to prove they are skipped.
        var key = cluster.KmsKeyArn is null ? string.Empty : $"<KmsKeyId>{SecurityElement.Escape(cluster.KmsKeyArn)}</KmsKeyId>";
        var logs = cluster.LogExports ?? (cluster.AuditLogs ? ["audit"] : []);

        // DocumentDB answers without the settings it does not have.
        var rdsOnly = cluster.Engine == "docdb" ? string.Empty : $"""
            <IAMDatabaseAuthenticationEnabled>{(cluster.IamAuth ? "true" : "false")}</IAMDatabaseAuthenticationEnabled>
            <CopyTagsToSnapshot>{(cluster.CopyTags ? "true" : "false")}</CopyTagsToSnapshot>
            """;
        var scaling = cluster.ServerlessV2 is var (min, max)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<ServerlessV2ScalingConfiguration><MinCapacity>{min}</MinCapacity><MaxCapacity>{max}</MaxCapacity></ServerlessV2ScalingConfiguration>")
            : string.Empty;
        return $"""
            <DBCluster>
              <AllocatedStorage>1</AllocatedStorage>
              <AvailabilityZones><AvailabilityZone>{region}a</AvailabilityZone></AvailabilityZones>
              <DBClusterIdentifier>{SecurityElement.Escape(cluster.Identifier)}</DBClusterIdentifier>
              <DBClusterMembers><DBClusterMember><DBInstanceIdentifier>{SecurityElement.Escape(cluster.Writer ?? cluster.Identifier + "-1")}</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember></DBClusterMembers>
              <VpcSecurityGroups>{string.Concat(cluster.SecurityGroups.Select(group => $"<VpcSecurityGroupMembership><VpcSecurityGroupId>{SecurityElement.Escape(group)}</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>"))}</VpcSecurityGroups>
              <Engine>{cluster.Engine}</Engine>
              <BackupRetentionPeriod>{cluster.BackupRetentionDays}</BackupRetentionPeriod>
              <MultiAZ>{(cluster.MultiAz ? "true" : "false")}</MultiAZ>
              <DeletionProtection>{(cluster.DeletionProtection ? "true" : "false")}</DeletionProtection>
              {rdsOnly}
              {(logs.Count > 0 ? $"<EnabledCloudwatchLogsExports>{string.Concat(logs.Select(log => $"<member>{SecurityElement.Escape(log)}</member>"))}</EnabledCloudwatchLogsExports>" : string.Empty)}
              {string.Concat(cluster.Extra.Select(member => $"<{member.Key}>{SecurityElement.Escape(member.Value)}</{member.Key}>"))}
              {scaling}
              <Status>available</Status>
              <StorageEncrypted>{(cluster.Encrypted ? "true" : "false")}</StorageEncrypted>
              {key}
              <DBClusterArn>arn:aws:rds:{region}:{_scenario.Account}:cluster:{SecurityElement.Escape(cluster.Identifier)}</DBClusterArn>
            </DBCluster>
            """;
    }

    private static string KmsKey(FakeKey key) => JsonSerializer.Serialize(
        new
        {
            KeyMetadata = new
            {
                AWSAccountId = key.Account,
                key.KeyId,
                key.Arn,
                CreationDate = 1.7e9,
                Enabled = key.State == "Enabled",
                KeyUsage = "ENCRYPT_DECRYPT",
                KeyState = key.State,
                key.Origin,
                KeyManager = key.Manager,
                KeySpec = "SYMMETRIC_DEFAULT",
                CustomKeyStoreId = key.Origin is "AWS_CLOUDHSM" or "EXTERNAL_KEY_STORE" ? "cks-1234567890abcdef0" : null,
                DeletionDate = key.DeletionDate is { } date ? DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds() : (long?)null,
            },
        },
        OmitNulls);

    private static FakeKey? Key(FakeRegion fake, string? keyId) => fake.Keys.FirstOrDefault(key => key.Arn == keyId || key.KeyId == keyId);

    private static string KeyPolicy(FakeKey key) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[] { new { Sid = "Enable IAM User Permissions", Effect = "Allow", Principal = new { AWS = $"arn:aws:iam::{key.Account}:root" }, Action = "kms:*", Resource = "*" } }
            .Concat(key.PublicPolicy ? [new { Sid = "Everyone", Effect = "Allow", Principal = new { AWS = "*" }, Action = "kms:Decrypt", Resource = "*" }] : []),
    });

    // The account's own keys only, as KMS lists them; another account's key is known only when a resource names it.
    private string KmsKeys(FakeRegion fake, JsonElement request)
    {
        var own = fake.Keys.Where(key => key.Account == _scenario.Account).Select(key => new { key.KeyId, KeyArn = key.Arn }).ToList();
        var (page, next) = FakePaging.Page(own, request.TryGetProperty("Marker", out var m) ? m.GetString() : null, request.TryGetProperty("Limit", out var l) ? l.GetInt32() : null, 1000);
        return JsonSerializer.Serialize(new { Keys = page, Truncated = next is not null, NextMarker = next }, OmitNulls);
    }

    private string KmsAliases(FakeRegion fake, JsonElement request)
    {
        var aliases = fake.Keys.Where(key => key.Alias is not null && key.Account == _scenario.Account)
            .Select(key => new { AliasName = key.Alias, AliasArn = key.Arn[..key.Arn.IndexOf(":key/", StringComparison.Ordinal)] + ":" + key.Alias, TargetKeyId = key.KeyId })
            .ToList();
        var limit = request.TryGetProperty("Limit", out var l) ? l.GetInt32() : 50;
        var start = request.TryGetProperty("Marker", out var m) ? int.Parse(m.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var truncated = start + limit < aliases.Count;
        return JsonSerializer.Serialize(new
        {
            Aliases = aliases.Skip(start).Take(limit),
            Truncated = truncated,
            NextMarker = truncated ? (start + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        });
    }

    private static async Task ReplyFault(HttpContext context, FaultKind kind, FakeWire wire)
    {
        if (kind == FaultKind.Stall)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await Reply(context, FaultBody(kind, wire));
    }

    private static FakeReply FaultBody(FaultKind kind, FakeWire wire) => (kind, wire) switch
    {
        (FaultKind.Stall, _) => new(200, "text/xml", "<Stalled/>"),
        (FaultKind.Throttle, FakeWire.Query) => FakeReply.Error(wire, "Throttling", "Rate exceeded"),
        (FaultKind.Throttle, FakeWire.Ec2) => FakeReply.Error(wire, "RequestLimitExceeded", "Request limit exceeded."),
        (FaultKind.Throttle, _) => FakeReply.Error(wire, "ThrottlingException", "Rate exceeded"),
        (FaultKind.ServerError, FakeWire.Json) => FakeReply.Error(wire, "KMSInternalException", "We encountered an internal error.", 500),
        (FaultKind.ServerError, _) => FakeReply.Error(wire, "InternalFailure", "We encountered an internal error.", 500),
        (FaultKind.AccessDenied, FakeWire.Query) => FakeReply.Error(wire, "AccessDenied", "User: arn:aws:iam::111122223333:user/kagi-scanner is not authorized to perform this action", 403),
        (FaultKind.AccessDenied, FakeWire.Ec2) => FakeReply.Error(wire, "UnauthorizedOperation", "You are not authorized to perform this operation.", 403),
        (FaultKind.AccessDenied, FakeWire.Json) => FakeReply.Error(wire, "AccessDeniedException", "not authorized"),
        (FaultKind.AccessDenied, _) => FakeReply.Error(wire, "AccessDeniedException", "not authorized", 403),
        (FaultKind.NotOffered, _) => FakeReply.Error(wire, "UnrecognizedClientException", "The security token included in the request is invalid."),
        (FaultKind.TruncatedXml, FakeWire.Query or FakeWire.Ec2 or FakeWire.RestXml) => new(200, "text/xml", "<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBClustersResult><DBClusters><DBCluster><DBClusterIdent"),
        (FaultKind.TruncatedXml, _) => new(200, "application/x-amz-json-1.1", "{\"Items\": [{\"Name\": \"trunc"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static string QueryError(string code, string message, string type = "Sender") =>
        $"""<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>{type}</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>""";

    private static Task Reply(HttpContext context, FakeReply reply) => Reply(context, reply.Status, reply.ContentType, reply.Body);

    private static async Task Reply(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    [GeneratedRegex(@"Credential=(?<key>[^/]+)/\d{8}/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request")]
    private static partial Regex CredentialScope();
}
