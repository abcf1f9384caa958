using Kagi.Core.Rules;

namespace Kagi.Core.Tests;

public sealed class ResourcePatchTests
{
    private const string Target = "arn:aws:kms:eu-west-1:111122223333:key/target";

    private static PatchValue.Intrinsic Ref(string name) => new PatchValue.Intrinsic("Ref", new PatchValue.Scalar(name, Plain: true));

    private static PatchValue.Intrinsic GetAtt(string name) => new PatchValue.Intrinsic("GetAtt", new PatchValue.Scalar(name, Plain: true));

    [Fact]
    public void On_a_key_the_user_has_the_added_key_is_left_out_and_every_reference_to_it_names_that_key()
    {
        // Given a fix that adds a key and refers to it at the top, nested, in a list, and from another added resource
        var patch = new ResourcePatch(
            Set: [new("KmsKeyId", GetAtt("Key.Arn")), new("Encryption", new PatchValue.Mapping([new("Keys", new PatchValue.Sequence([Ref("Key"), Ref("Self")]))]))],
            Remove: ["Old"],
            Attributes: [new("DeletionPolicy", new PatchValue.Scalar("Snapshot", Plain: true))],
            Add: [new("Key", "AWS::KMS::Key", []), new("Alias", "AWS::KMS::Alias", [new("TargetKeyId", Ref("Key"))])]);

        // When it is moved onto the user's key
        var moved = patch.OnKey(Target);

        // Then the key is not added, every reference to it is the ARN, and the rest is as it was
        var arn = new PatchValue.Scalar(Target, Plain: false);
        Assert.Equal(["Alias"], moved.Add.Select(added => added.Suffix));
        Assert.Equal(arn, moved.Add[0].Properties[0].Value);
        Assert.Equal(arn, moved.Set[0].Value);
        var keys = (PatchValue.Sequence)((PatchValue.Mapping)moved.Set[1].Value).Entries[0].Value;
        Assert.Equal([arn, Ref("Self")], keys.Items);
        Assert.Equal((patch.Remove, patch.Attributes), (moved.Remove, moved.Attributes));
    }
}
