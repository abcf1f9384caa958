using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's EC2 volumes and EFS file systems checked by boto3, so that Kagi's clients and the fake cannot agree on a wrong wire format.</summary>
public sealed class EbsEfsFakeAwsTests
{
    private const string Script = """
        import boto3, botocore, json
        session = boto3.session.Session()
        out = {}
        ec2 = session.client("ec2", region_name="eu-central-1")
        pages = list(ec2.get_paginator("describe_volumes").paginate(PaginationConfig={"PageSize": 100}))
        out["volume_pages"] = len(pages)
        out["volumes"] = sum(len(p["Volumes"]) for p in pages)
        volumes = {v["VolumeId"]: v for v in session.client("ec2", region_name="eu-west-1").describe_volumes()["Volumes"]}
        cmk = volumes["pass_volume_cmk"]
        out["volume_cmk"] = {"Encrypted": cmk["Encrypted"], "KmsKeyId": cmk["KmsKeyId"], "Tags": {t["Key"]: t["Value"] for t in cmk["Tags"]}}
        out["volume_plain"] = {"Encrypted": volumes["fail_volume_unencrypted"]["Encrypted"], "KmsKeyId": volumes["fail_volume_unencrypted"].get("KmsKeyId")}
        out["regions"] = sorted(r["RegionName"] for r in session.client("ec2", region_name="me-south-1").describe_regions()["Regions"])
        try:
            session.client("ec2", region_name="eu-north-1").describe_volumes()
        except botocore.exceptions.ClientError as e:
            out["volumes_denied"] = e.response["Error"]["Code"]
        efs = session.client("efs", region_name="eu-central-1")
        pages = list(efs.get_paginator("describe_file_systems").paginate(PaginationConfig={"PageSize": 100}))
        out["file_system_pages"] = len(pages)
        out["file_systems"] = sum(len(p["FileSystems"]) for p in pages)
        systems = {f["FileSystemId"]: f for f in session.client("efs", region_name="eu-west-1").describe_file_systems()["FileSystems"]}
        cmk = systems["pass_file_system_cmk"]
        out["file_system_cmk"] = {"Encrypted": cmk["Encrypted"], "KmsKeyId": cmk["KmsKeyId"], "Arn": cmk["FileSystemArn"], "Tags": {t["Key"]: t["Value"] for t in cmk["Tags"]}}
        out["file_system_plain"] = {"Encrypted": systems["fail_file_system_unencrypted"]["Encrypted"], "KmsKeyId": systems["fail_file_system_unencrypted"].get("KmsKeyId")}
        try:
            session.client("efs", region_name="eu-north-1").describe_file_systems()
        except botocore.exceptions.ClientError as e:
            out["file_systems_denied"] = e.response["Error"]["Code"]
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_pages_and_reads_the_fakes_volumes_and_file_systems_as_it_reads_aws()
    {
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        var cmk = Scenarios.KeyArn(Scenarios.Verdicts, 1);
        Assert.Equal(2, result.GetProperty("volume_pages").GetInt32());
        Assert.Equal(Scenarios.PagingVolumesAndFileSystems, result.GetProperty("volumes").GetInt32());
        Assert.True(result.GetProperty("volume_cmk").GetProperty("Encrypted").GetBoolean());
        Assert.Equal(cmk, result.GetProperty("volume_cmk").GetProperty("KmsKeyId").GetString());
        Assert.Equal("storage", result.GetProperty("volume_cmk").GetProperty("Tags").GetProperty("owner").GetString());
        Assert.False(result.GetProperty("volume_plain").GetProperty("Encrypted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("volume_plain").GetProperty("KmsKeyId").ValueKind);
        Assert.Equal(Scenarios.All().Regions.Keys.Order(StringComparer.Ordinal), result.GetProperty("regions").EnumerateArray().Select(region => region.GetString()));
        Assert.Equal("UnauthorizedOperation", result.GetProperty("volumes_denied").GetString());
        Assert.Equal(2, result.GetProperty("file_system_pages").GetInt32());
        Assert.Equal(Scenarios.PagingVolumesAndFileSystems, result.GetProperty("file_systems").GetInt32());
        Assert.True(result.GetProperty("file_system_cmk").GetProperty("Encrypted").GetBoolean());
        Assert.Equal(cmk, result.GetProperty("file_system_cmk").GetProperty("KmsKeyId").GetString());
        Assert.Equal("arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/pass_file_system_cmk", result.GetProperty("file_system_cmk").GetProperty("Arn").GetString());
        Assert.Equal("storage", result.GetProperty("file_system_cmk").GetProperty("Tags").GetProperty("owner").GetString());
        Assert.False(result.GetProperty("file_system_plain").GetProperty("Encrypted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("file_system_plain").GetProperty("KmsKeyId").ValueKind);
        Assert.Equal("AccessDeniedException", result.GetProperty("file_systems_denied").GetString());
    }
}
