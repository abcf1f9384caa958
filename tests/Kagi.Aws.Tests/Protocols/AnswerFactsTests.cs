using System.Text;
using Kagi.Aws.Protocols;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>A boolean member of a protocol answer is a known fact only when the answer says true or false; otherwise unknown, naming the call, member and subject.</summary>
public sealed class AnswerFactsTests
{
    private const string Subject = "arn:aws:redshift:eu-west-1:111122223333:cluster:warehouse";

    [Theory]
    [InlineData("<Encrypted>true</Encrypted>", true)]
    [InlineData("<Encrypted>false</Encrypted>", false)]
    public void A_true_or_false_member_is_known(string member, bool expected)
    {
        var encrypted = Cluster(member).Bool("Encrypted", Subject);

        Assert.True(encrypted.IsKnown);
        Assert.Equal(expected, encrypted.Value);
    }

    [Theory]
    [InlineData("", "DescribeClusters returned no Encrypted for " + Subject)]
    [InlineData("<Encrypted>yes</Encrypted>", "DescribeClusters returned Encrypted='yes' for " + Subject)]
    public void A_missing_or_odd_member_is_unknown_with_the_reason(string member, string reason)
    {
        var encrypted = Cluster(member).Bool("Encrypted", Subject);

        Assert.False(encrypted.IsKnown);
        Assert.Equal(reason, encrypted.Reason);
    }

    private static AwsAnswer Cluster(string member) =>
        QueryProtocol.Instance.Answer(AwsOperations.RedshiftDescribeClusters, Encoding.UTF8.GetBytes($"""
            <DescribeClustersResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/">
              <DescribeClustersResult><Clusters><Cluster><ClusterIdentifier>warehouse</ClusterIdentifier>{member}</Cluster></Clusters></DescribeClustersResult>
            </DescribeClustersResponse>
            """)).Items("Clusters")[0];
}
