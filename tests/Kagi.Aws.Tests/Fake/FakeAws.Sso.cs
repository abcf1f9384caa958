using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kagi.Aws.Tests.Fake;

/// <summary>The IAM Identity Center portal's GetRoleCredentials, which the SDK calls to turn an SSO profile's cached token into credentials.</summary>
public sealed partial class FakeAws
{
    /// <summary>The only access token the portal accepts, as a signed-in user's token cache would hold it.</summary>
    public const string SsoAccessToken = "fake-sso-access-token";

    private static bool IsSsoPortal(HttpContext context) => context.Request.Path == "/federation/credentials";

    // Unsigned, as the portal is: the bearer token is the credential. The key it hands out signs as the account it names.
    private async Task GetRoleCredentialsAsync(HttpContext context)
    {
        var account = context.Request.Query["account_id"].ToString();
        Record(new FakeCall("sso", string.Empty, "GetRoleCredentials", $"{account}/{context.Request.Query["role_name"]}"));
        if (context.Request.Headers["x-amz-sso_bearer_token"] != SsoAccessToken)
        {
            await Reply(context, 401, "application/json", """{"message":"Session token not found or invalid"}""");
            return;
        }

        var key = $"{AssumedKeyPrefix}{account}{Interlocked.Increment(ref _issuedKeys):D4}";
        await Reply(context, 200, "application/json", JsonSerializer.Serialize(new
        {
            roleCredentials = new { accessKeyId = key, secretAccessKey = "fake-secret", sessionToken = $"fake-session-{key}", expiration = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() },
        }));
    }
}
