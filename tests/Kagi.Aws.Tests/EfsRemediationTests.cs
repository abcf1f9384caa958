using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests;

/// <summary>
/// The AWS CLI fixes of the EFS rules work as printed in moto (<see cref="PrintedCliFix"/>): a failing file system is
/// replaced, and the rescan finds the replacement by the tag the commands give it, and it passes. (EBS volumes:
/// <see cref="EbsVolumeMigrationMotoTests"/>.)
/// </summary>
/// <remarks>
/// Not run here: the commented step that moves the files to the new file system (EFS replication, which moto does not
/// serve); it is the operator's, after checking.
/// </remarks>
public sealed class EfsRemediationTests : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    private readonly MotoServer _moto;

    public EfsRemediationTests(MotoServer moto) => _moto = moto;

    [Theory]
    [InlineData("efs-file-system-cmk-encryption", "Encrypted=True", null)]
    [InlineData("efs-file-system-cmk-encryption", "Encrypted=False", CmkEncryptionRule<EfsFileSystem>.UnencryptedVariant)]
    [InlineData("efs-file-system-storage-encrypted", "Encrypted=False", null)]
    public void The_printed_cli_fix_of_a_file_system_makes_a_replacement_that_passes_and_breaks_nothing(string ruleId, string encryption, string? variant)
    {
        var id = ExternalProcess.RunPython($"""
            import boto3, uuid
            print(boto3.client("efs").create_file_system(CreationToken=str(uuid.uuid4()), {encryption})["FileSystemId"])
            """, _moto.Endpoint, Region).Trim();

        var replacement = AssertPrintedFixMakesAReplacementThatPasses(ruleId, id, variant, "ReplacesFileSystem");

        Assert.True(((EfsFileSystem)replacement).StorageEncrypted.Value);
    }

    private CloudResource AssertPrintedFixMakesAReplacementThatPasses(string ruleId, string id, string? variant, string replacesTag)
    {
        var fix = PrintedCliFix.Run(_moto.Endpoint, Region, ruleId, id);

        // The replacement the commands tagged passes, a key rule's under a customer-managed key with rotation on
        Assert.Equal(variant, fix.Finding.Result.RemediationVariant);
        var replacement = Assert.Single(fix.After.Resources, r => r.Tags.Value.GetValueOrDefault(replacesTag) == id);
        Assert.Equal(ResultStatus.Pass, fix.StatusOf(ruleId, replacement.Id));
        if (ruleId.EndsWith("-cmk-encryption", StringComparison.Ordinal))
        {
            fix.AssertProtectedByARotatedCmk(replacement);
        }

        return replacement;
    }
}
