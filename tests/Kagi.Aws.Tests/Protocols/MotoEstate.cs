using System.Text.Json;
using Amazon.Runtime;
using Kagi.Aws.Protocols;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>moto with one estate made by boto3: resources of every API the protocol clients call, one of each on a customer key.</summary>
public sealed class MotoEstate : IDisposable
{
    public const string Region = "eu-west-1";

    private const string Setup = """
        import boto3, json
        kms = boto3.client("kms")
        cmk = kms.create_key(Description="estate cmk")["KeyMetadata"]["Arn"]
        rds = boto3.client("rds")
        rds.create_db_instance(DBInstanceIdentifier="db-cmk", Engine="postgres", DBInstanceClass="db.t3.micro", MasterUsername="admin", MasterUserPassword="password123", AllocatedStorage=20, StorageEncrypted=True, KmsKeyId=cmk, Tags=[{"Key": "owner", "Value": "data"}])
        rds.create_db_instance(DBInstanceIdentifier="db-plain", Engine="postgres", DBInstanceClass="db.t3.micro", MasterUsername="admin", MasterUserPassword="password123", AllocatedStorage=20)
        rds.create_db_cluster(DBClusterIdentifier="aurora-cmk", Engine="aurora-postgresql", MasterUsername="admin", MasterUserPassword="password123", StorageEncrypted=True, KmsKeyId=cmk)
        boto3.client("redshift").create_cluster(ClusterIdentifier="warehouse", NodeType="ra3.xlplus", MasterUsername="admin", MasterUserPassword="Password123", Encrypted=True, KmsKeyId=cmk)
        boto3.client("elasticache").create_replication_group(ReplicationGroupId="cache", ReplicationGroupDescription="cache", Engine="redis", CacheNodeType="cache.t3.micro", AtRestEncryptionEnabled=True, KmsKeyId=cmk)
        sns = boto3.client("sns")
        for i in range(100):
            sns.create_topic(Name=f"topic-{i:03}")
        sns.create_topic(Name="topic-cmk", Attributes={"KmsMasterKeyId": cmk})
        sm = boto3.client("secretsmanager")
        for i in range(2):
            sm.create_secret(Name=f"secret-{i}", SecretString="s")
        sm.create_secret(Name="secret-cmk", SecretString="s", KmsKeyId=cmk)
        logs = boto3.client("logs")
        for i in range(2):
            logs.create_log_group(logGroupName=f"group-{i}")
        logs.create_log_group(logGroupName="group-cmk", kmsKeyId=cmk)
        kinesis = boto3.client("kinesis")
        kinesis.create_stream(StreamName="stream-plain", ShardCount=1)
        kinesis.create_stream(StreamName="stream-cmk", ShardCount=1)
        kinesis.start_stream_encryption(StreamName="stream-cmk", EncryptionType="KMS", KeyId=cmk)
        ecr = boto3.client("ecr")
        ecr.create_repository(repositoryName="repo-plain")
        ecr.create_repository(repositoryName="repo-cmk", encryptionConfiguration={"encryptionType": "KMS", "kmsKey": cmk})
        efs = boto3.client("efs")
        for i in range(2):
            efs.create_file_system(CreationToken=f"fs-{i}")
        fs = efs.create_file_system(CreationToken="fs-cmk", Encrypted=True, KmsKeyId=cmk)["FileSystemId"]
        boto3.client("backup").create_backup_vault(BackupVaultName="vault-cmk", EncryptionKeyArn=cmk)
        opensearch = boto3.client("opensearch")
        opensearch.create_domain(DomainName="search-cmk", EncryptionAtRestOptions={"Enabled": True, "KmsKeyId": cmk})
        opensearch.create_domain(DomainName="search-plain")
        print(json.dumps({"cmk": cmk, "fs": fs}))
        """;

    public MotoEstate()
    {
        using var created = JsonDocument.Parse(ExternalProcess.RunPython(Setup, Moto.Endpoint, Region));
        Cmk = created.RootElement.GetProperty("cmk").GetString()!;
        FileSystemWithCmk = created.RootElement.GetProperty("fs").GetString()!;
    }

    public MotoServer Moto { get; } = new();

    public string Cmk { get; }

    public string FileSystemWithCmk { get; }

    /// <summary>Clients as the scanner makes them, every service pointed at moto.</summary>
    public AwsClientFactory Clients(AwsEndpoints? endpoints = null) =>
        new(new BasicAWSCredentials("testing", "testing"), endpoints ?? new AwsEndpoints(Moto.Endpoint, _ => null), new RetryPolicy(TimeProvider.System, Random.Shared.NextDouble));

    public void Dispose() => Moto.Dispose();
}
