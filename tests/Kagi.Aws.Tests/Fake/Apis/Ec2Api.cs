using System.Security;
using Kagi.Rules.Aws.Ebs.Volumes;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// EC2 (its own Query dialect): <c>DescribeRegions</c>, answered from any region as AWS answers an account-wide call, and
/// <c>DescribeVolumes</c>, paged, over the region's volumes. A store's name is its volume ID; an encrypted store without
/// a key is answered without one, as an emulator may answer (AWS always names the key of an encrypted volume).
/// </summary>
public sealed class Ec2Api : IFakeApi
{
    private const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public string SigningName => "ec2";

    public FakeWire Wire => FakeWire.Ec2;

    public FakeListing? ListingOf(string kind) => kind == EbsVolume.Descriptor.Type ? new("DescribeVolumes", FakeRegion.DefaultMaxPageSize) : null;

    public bool IsAccountWide(string action) => action == "DescribeRegions";

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        return request.Form?["Action"].ToString() switch
        {
            "DescribeRegions" => FakeReply.Xml(Response("DescribeRegions", $"<regionInfo>{string.Concat(scenario.Regions.Keys.Select(Region))}</regionInfo>")),
            "DescribeVolumes" => DescribeVolumes(request, region),
            _ => null,
        };
    }

    private static FakeReply DescribeVolumes(FakeRequest request, FakeRegion region)
    {
        var requested = int.TryParse(request.Form!["MaxResults"], System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : (int?)null;
        var (volumes, next) = FakePaging.Page(region.StoresOf(EbsVolume.Descriptor.Type), request.Form["NextToken"].FirstOrDefault(), requested, region.MaxPageSize);
        var token = next is null ? string.Empty : $"<nextToken>{next}</nextToken>";
        return FakeReply.Xml(Response("DescribeVolumes", $"<volumeSet>{string.Concat(volumes.Select(volume => Volume(volume, request.Region)))}</volumeSet>{token}"));
    }

    private static string Region(string name) =>
        $"<item><regionName>{name}</regionName><regionEndpoint>ec2.{name}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>";

    // A real answer carries more members than Kagi reads (attachments, type, IOPS): some are kept to prove they are skipped.
    private static string Volume(FakeStore volume, string region)
    {
        var key = volume is { Encrypted: true, KmsKeyId: { } named } ? $"<kmsKeyId>{SecurityElement.Escape(named)}</kmsKeyId>" : string.Empty;
        var tags = string.Concat(volume.Tags.Select(tag => $"<item><key>{SecurityElement.Escape(tag.Key)}</key><value>{SecurityElement.Escape(tag.Value)}</value></item>"));
        return $"""
            <item>
              <volumeId>{SecurityElement.Escape(volume.Name)}</volumeId>
              <size>8</size>
              <snapshotId/>
              <availabilityZone>{region}a</availabilityZone>
              <status>in-use</status>
              <createTime>2026-01-01T00:00:00.000Z</createTime>
              <attachmentSet><item><volumeId>{SecurityElement.Escape(volume.Name)}</volumeId><instanceId>i-0123456789abcdef0</instanceId><device>/dev/xvdf</device><status>attached</status></item></attachmentSet>
              <tagSet>{tags}</tagSet>
              <volumeType>gp3</volumeType>
              <iops>3000</iops>
              <encrypted>{(volume.Encrypted ? "true" : "false")}</encrypted>
              {key}
            </item>
            """;
    }

    private static string Response(string action, string body) =>
        $"""<{action}Response xmlns="{Namespace}"><requestId>{Guid.NewGuid()}</requestId>{body}</{action}Response>""";
}
