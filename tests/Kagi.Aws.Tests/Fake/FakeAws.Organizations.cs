using System.Globalization;
using System.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kagi.Aws.Tests.Fake;

/// <summary>AWS Organizations (JSON 1.1) and STS AssumeRole, for scans of several accounts.</summary>
public sealed partial class FakeAws
{
    private const string AssumedKeyPrefix = "ASIAFAKE";

    private int _issuedKeys;

    // When each assumed-role key lapses; a request signed with a lapsed key is refused, as AWS refuses it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _keyExpiry = new(StringComparer.Ordinal);

    /// <summary>Requests refused because their assumed-role key had expired.</summary>
    public int ExpiredRequests => _expiredRequests;

    private int _expiredRequests;

    /// <summary>The member account whose assumed-role key signed a request, or null for the management account's own credentials.</summary>
    private FakeAws? Member(string accessKeyId) =>
        accessKeyId.StartsWith(AssumedKeyPrefix, StringComparison.Ordinal) && _members.TryGetValue(accessKeyId[AssumedKeyPrefix.Length..][..12], out var member) ? member : null;

    /// <summary>Whether a member's request was signed with a key past its expiry (and answered so).</summary>
    private async Task<bool> RefusedAsExpiredAsync(HttpContext context, string accessKeyId, string service)
    {
        if (!_keyExpiry.TryGetValue(accessKeyId, out var expires) || DateTimeOffset.UtcNow <= expires)
        {
            return false;
        }

        Interlocked.Increment(ref _expiredRequests);
        var wire = FakeApis.For(service)?.Wire ?? (service == "kms" ? FakeWire.Json : FakeWire.Query);
        await Reply(context, FakeReply.Error(wire, "ExpiredTokenException", "The security token included in the request is expired", 403));
        return true;
    }

    private async Task HandleOrganizationsAsync(HttpContext context, string region)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var request = json.RootElement;
        var action = context.Request.Headers["X-Amz-Target"].ToString().Split('.').Last();
        var token = request.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        Record(new FakeCall("organizations", region, action, token));
        if (_organization!.Faults.FirstOrDefault(f => f.Strikes("organizations", action)) is { } fault)
        {
            await ReplyFault(context, fault.Kind, FakeWire.Json);
            return;
        }

        var parent = request.TryGetProperty("ParentId", out var id) ? id.GetString() : null;
        var accounts = new[] { (Id: _scenario.Account, Name: _organization.ManagementName, State: "ACTIVE", Parent: FakeOrganization.Root) }
            .Concat(_organization.Members.Select(member => (Id: member.Scenario.Account, member.Name, member.State, member.Parent)));
        object? page = action switch
        {
            "ListAccounts" => Page(accounts.Select(Account), token, items => new { Accounts = items.Items, items.NextToken }),
            "ListAccountsForParent" => Page(accounts.Where(account => account.Parent == parent).Select(Account), token, items => new { Accounts = items.Items, items.NextToken }),
            "ListOrganizationalUnitsForParent" => Page(_organization.Units.Where(unit => unit.Parent == parent).Select(unit => (object)new { unit.Id }), token, items => new { OrganizationalUnits = items.Items, items.NextToken }),
            _ => null,
        };
        await (page is null
            ? Reply(context, FakeReply.Error(FakeWire.Json, "InvalidAction", $"organizations {action} is not served by the fake"))
            : Reply(context, 200, "application/x-amz-json-1.1", JsonSerializer.Serialize(page, OmitNulls)));
    }

    // As Organizations sends an account: the deprecated Status beside State, as AWS still does.
    private static object Account((string Id, string Name, string State, string Parent) account) =>
        new { account.Id, account.Name, account.State, Status = account.State == "CLOSED" ? "SUSPENDED" : account.State, Arn = $"arn:aws:organizations::{account.Id}:account/o-fake/{account.Id}" };

    private object Page(IEnumerable<object> all, string? token, Func<(List<object> Items, string? NextToken), object> shape)
    {
        var start = token is null ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
        var items = all.Skip(start).Take(_organization!.PageSize).ToList();
        var more = all.Count() > start + items.Count;
        return shape((items, more ? (start + items.Count).ToString(CultureInfo.InvariantCulture) : null));
    }

    private async Task AssumeRoleAsync(HttpContext context, IFormCollection form)
    {
        var roleArn = form["RoleArn"].ToString();
        var account = roleArn.Split(':') is { Length: 6 } parts ? parts[4] : string.Empty;
        if (_organization!.Faults.FirstOrDefault(f => f.Strikes("sts", "AssumeRole")) is { } fault)
        {
            await ReplyFault(context, fault.Kind, FakeWire.Query);
            return;
        }

        // A role in the management account itself (an auditor's profile that assumes it) is granted too; its key signs as the management account.
        var granted = account == _scenario.Account
            || (_members.ContainsKey(account) && _organization.Members.First(m => m.Scenario.Account == account) is { DeniesAssumeRole: false, State: "ACTIVE" });
        if (!granted)
        {
            await Reply(context, 403, "text/xml", QueryError("AccessDenied", $"User: arn:aws:iam::{_scenario.Account}:user/kagi-scanner is not authorized to perform: sts:AssumeRole on resource: {SecurityElement.Escape(roleArn)}"));
            return;
        }

        var key = $"{AssumedKeyPrefix}{account}{Interlocked.Increment(ref _issuedKeys):D4}";
        var expires = DateTimeOffset.UtcNow.Add(_organization.CredentialLifetime);
        _keyExpiry[key] = expires;
        var expiration = expires.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        await Reply(context, 200, "text/xml", $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>{key}</AccessKeyId>
                  <SecretAccessKey>fake-secret</SecretAccessKey>
                  <SessionToken>fake-session-{key}</SessionToken>
                  <Expiration>{expiration}</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <AssumedRoleId>AROAFAKE:{SecurityElement.Escape(form["RoleSessionName"].ToString())}</AssumedRoleId>
                  <Arn>arn:aws:sts::{account}:assumed-role/{SecurityElement.Escape(roleArn.Split('/').Last())}/{SecurityElement.Escape(form["RoleSessionName"].ToString())}</Arn>
                </AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """);
    }

    private void Record(FakeCall call) => _calls.Enqueue(call with { Account = _scenario.Account });
}
