using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Kagi.Aws.Organizations;

/// <summary>
/// The credentials of a role assumed in a member account, renewed by assuming it again before they expire, so a scan that
/// outlasts them goes on. Held in memory only; the source credentials (profile, SSO, environment) sign each AssumeRole.
/// </summary>
internal sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly IAmazonSecurityTokenService _sts;
    private readonly AssumeRoleRequest _request;

    public AssumedRoleCredentials(IAmazonSecurityTokenService sts, AssumeRoleRequest request)
    {
        _sts = sts;
        _request = request;

        // Renew well before expiry: a page in flight must not be signed with credentials that lapse on the way.
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    protected override CredentialsRefreshState GenerateNewCredentials() => GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var response = await _sts.AssumeRoleAsync(_request).ConfigureAwait(false);
        var credentials = response.Credentials;
        return new CredentialsRefreshState(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            credentials.Expiration?.ToUniversalTime() ?? throw new AmazonClientException($"sts:AssumeRole of {_request.RoleArn} answered without an expiration"));
    }
}
