using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Kagi.Aws;

/// <summary>Credentials and home region as the AWS SDKs and CLI find them: environment, profiles (SSO, role_arn), container and instance metadata.</summary>
public static class AwsCredentialSource
{
    /// <summary>The default chain; with a profile, that profile (as <c>--profile</c> does for the AWS CLI).</summary>
    public static AWSCredentials Resolve(string? profile)
    {
        using var resolver = new DefaultAWSCredentialsIdentityResolver();

        // The resolver reads the profile to use from a client configuration; any service's will do.
        var config = new AmazonKeyManagementServiceConfig();
        if (!string.IsNullOrEmpty(profile))
        {
            config.Profile = new Amazon.Profile(profile);
        }

        return resolver.ResolveIdentity(config);
    }

    /// <summary>The region to scan when none is given: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's region.</summary>
    public static string? DefaultRegion(string? profile, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var fromEnvironment = environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var name = profile ?? environment("AWS_PROFILE") ?? "default";
        return new CredentialProfileStoreChain().TryGetProfile(name, out var found) ? found.Region?.SystemName : null;
    }
}
