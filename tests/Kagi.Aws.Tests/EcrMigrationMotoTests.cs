using System.Text.Json.Nodes;
using Kagi.Rules.Aws.Ecr.Repositories;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of an ECR repository carries everything across. In moto, a repository on AES256 (an
/// AWS-owned key) with non-default settings (immutable tags, scan on push, a lifecycle policy, a repository policy,
/// tags) holding three images (one under two tags, one untagged), all pushed with put-image, is scanned; the failing
/// finding's AWS CLI script runs exactly as printed (only the endpoint and CONFIRM_DELETE_OLD_REPOSITORY=yes come from
/// the environment), and the rescan must show the new repository passing the rule under a customer-managed key, the old
/// one deleted, and moto's record of the new one holding every setting and every image, by digest and tag, that the old
/// one held.
/// </summary>
/// <remarks>
/// What moto cannot do, and so is not run: it has no AWS-managed <c>aws/ecr</c> key (KMS without a key gets a made-up key
/// ARN that KMS does not know), so the repository on that key is not built here; the fake covers it
/// (<c>FakeRulePackVerdictTests</c>). moto keeps no image layers, so that put-image finds them for the new repository —
/// which real ECR checks — is not proven here; the script says what to do when ECR refuses a manifest.
/// </remarks>
public sealed class EcrMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "ecr-repository-cmk-encryption";
    private const string Old = "orders/api";

    private const string Setup = """
        ecr = boto3.client("ecr")
        name = "orders/api"
        ecr.create_repository(repositoryName=name, imageTagMutability="IMMUTABLE", imageScanningConfiguration={"scanOnPush": True},
                              tags=[{"Key": "team", "Value": "orders"}, {"Key": "cost-center", "Value": "42"}])
        ecr.put_lifecycle_policy(repositoryName=name, lifecyclePolicyText=json.dumps({"rules": [{"rulePriority": 1, "description": "expire untagged",
            "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}))
        ecr.set_repository_policy(repositoryName=name, policyText=json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "pull", "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]}))
        def manifest(layer):
            return json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 7023, "digest": "sha256:" + "c" * 64},
                "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 32654, "digest": "sha256:" + layer * 64}]})
        ecr.put_image(repositoryName=name, imageManifest=manifest("a"), imageTag="v1")
        ecr.put_image(repositoryName=name, imageManifest=manifest("a"), imageTag="latest")
        ecr.put_image(repositoryName=name, imageManifest=manifest("b"), imageTag="v2")
        ecr.put_image(repositoryName=name, imageManifest=manifest("d"))
        print(json.dumps({"images": " ".join(sorted(i["imageDigest"] + "=" + i.get("imageTag", "") for i in ecr.list_images(repositoryName=name)["imageIds"]))}))
        """;

    [Fact]
    public void The_printed_rebuild_carries_every_setting_and_image_and_breaks_no_rule_that_passed()
    {
        // Given the repository, which the rule fails, when its printed script runs with the old one's deletion confirmed
        var fix = PrintedRebuild.Run(Endpoint, Region, CmkRule, resource => resource.Name is { IsKnown: true, Value: Old }, variant: null, "CONFIRM_DELETE_OLD_REPOSITORY");

        // with the non-default settings the scan read
        var old = (EcrRepository)fix.Finding.Resource;
        Assert.Equal(("IMMUTABLE", true), (old.ImageTagMutability.Value, old.ScanOnPush.Value));
        Assert.Contains("expire untagged", old.LifecyclePolicy.Value, StringComparison.Ordinal);
        Assert.Contains("ecr:BatchGetImage", old.RepositoryPolicy.Value, StringComparison.Ordinal);
        Assert.Equal("42", old.Tags.Value["cost-center"]);

        // Then the new repository passes the CMK rule under a customer-managed key, and every rule that passed for the old one; the old one is gone
        var repositories = fix.After.Resources.OfType<EcrRepository>().ToList();
        var replacement = Assert.Single(repositories);
        Assert.Equal($"{Old}-cmk", replacement.Name.Value);
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);

        // and carries every setting across, as the rescan reads it
        Assert.Equal((old.ImageTagMutability.Value, old.ScanOnPush.Value), (replacement.ImageTagMutability.Value, replacement.ScanOnPush.Value));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(old.LifecyclePolicy.Value!), JsonNode.Parse(replacement.LifecyclePolicy.Value!)), replacement.LifecyclePolicy.Value);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(old.RepositoryPolicy.Value!), JsonNode.Parse(replacement.RepositoryPolicy.Value!)), replacement.RepositoryPolicy.Value);
        Assert.Equal(old.Tags.Value.OrderBy(tag => tag.Key, StringComparer.Ordinal), replacement.Tags.Value.OrderBy(tag => tag.Key, StringComparer.Ordinal));

        // and moto holds every image of the old repository in the new one, by digest and with each tag (the untagged one too)
        var images = ExternalProcess.RunPython(
            """
            import boto3
            ids = boto3.client("ecr").list_images(repositoryName="orders/api-cmk")["imageIds"]
            print(" ".join(sorted(i["imageDigest"] + "=" + i.get("imageTag", "") for i in ids)))
            """,
            Endpoint,
            Region).Trim();
        Assert.Equal(Keys["images"], images);
        Assert.Equal(4, images.Split(' ').Length);
    }
}
