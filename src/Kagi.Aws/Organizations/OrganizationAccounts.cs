using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Aws.Organizations;

/// <summary>An account of the organization as Organizations lists it.</summary>
/// <param name="State">ACTIVE, SUSPENDED, PENDING_CLOSURE, …: only ACTIVE accounts are scanned.</param>
public sealed record OrganizationAccount(string Id, string? Name, string State)
{
    public const string Active = "ACTIVE";

    public bool IsActive => State == Active;

    /// <summary>The account as reports and notes name it: <c>111122223333 (prod)</c>, or the ID alone when the name is not known.</summary>
    public string Label => AccountLabel.Of(Id, Name);
}

/// <summary>Lists the organization's accounts: all of them, or those under roots and organizational units, recursively.</summary>
internal sealed class OrganizationAccounts(AwsApiClient client, RegionContext context)
{
    public async Task<IReadOnlyList<OrganizationAccount>> AllAsync() =>
        await AccountsAsync(AwsOperations.OrganizationsListAccounts, []).ConfigureAwait(false);

    /// <summary>Every account under each parent, at any depth, each once.</summary>
    public async Task<IReadOnlyList<OrganizationAccount>> UnderAsync(IReadOnlyList<string> parents)
    {
        var found = new Dictionary<string, OrganizationAccount>(StringComparer.Ordinal);
        var pending = new Queue<string>(parents);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var parent))
        {
            if (!visited.Add(parent))
            {
                continue;
            }

            var input = new KeyValuePair<string, object>[] { new("ParentId", parent) };
            foreach (var account in await AccountsAsync(AwsOperations.OrganizationsListAccountsForParent, input).ConfigureAwait(false))
            {
                found.TryAdd(account.Id, account);
            }

            await foreach (var page in client.PagesAsync(context, AwsOperations.OrganizationsListOrganizationalUnitsForParent, input).ConfigureAwait(false))
            {
                foreach (var unit in page.Items("OrganizationalUnits"))
                {
                    pending.Enqueue(unit.Text("Id") ?? throw Unreadable(AwsOperations.OrganizationsListOrganizationalUnitsForParent, "an organizational unit without Id"));
                }
            }
        }

        return [.. found.Values];
    }

    private async Task<List<OrganizationAccount>> AccountsAsync(AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        var accounts = new List<OrganizationAccount>();
        await foreach (var page in client.PagesAsync(context, operation, input).ConfigureAwait(false))
        {
            foreach (var item in page.Items("Accounts"))
            {
                var id = item.Text("Id") ?? throw Unreadable(operation, "an account without Id");

                // State replaced Status in 2025; an answer with neither is not taken for an active account.
                accounts.Add(new OrganizationAccount(id, item.Text("Name"), item.Text("State") ?? item.Text("Status") ?? "UNKNOWN"));
            }
        }

        return accounts;
    }

    private static AwsCallException Unreadable(AwsOperation operation, string what) =>
        new(operation.Api.Service, operation.Name, AwsFailureKind.Unparseable, "MissingMember", $"the answer lists {what}");
}
