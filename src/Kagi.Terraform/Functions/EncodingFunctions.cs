using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary>Terraform's encoding and hashing functions.</summary>
internal static class EncodingFunctions
{
    public static IEnumerable<KeyValuePair<string, TfFunction>> All { get; } =
    [
        new("jsonencode", new(1, 1, JsonEncode)),
        new("jsondecode", new(1, 1, a => JsonDecode(a.String(0, "the argument")))),
        new("yamldecode", new(1, 1, a => YamlDecoding.Decode(a.String(0, "the argument"), a.Budget))),
        new("base64encode", new(1, 1, a => new TfString(Convert.ToBase64String(Encoding.UTF8.GetBytes(a.String(0, "the argument")))))),
        new("base64decode", new(1, 1, a => new TfString(Encoding.UTF8.GetString(Convert.FromBase64String(a.String(0, "the argument")))))),
        new("md5", new(1, 1, a => Hex(Md5(Encoding.UTF8.GetBytes(a.String(0, "the argument")))))),
        new("sha1", new(1, 1, a => Hex(Sha1(Encoding.UTF8.GetBytes(a.String(0, "the argument")))))),
        new("sha256", new(1, 1, a => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(a.String(0, "the argument")))))),
        new("sha512", new(1, 1, a => Hex(SHA512.HashData(Encoding.UTF8.GetBytes(a.String(0, "the argument")))))),

        // Kagi never prints values, so marking one sensitive changes nothing here.
        new("sensitive", new(1, 1, a => a[0], AcceptsUnknown: true, Picks: true)),
        new("nonsensitive", new(1, 1, a => a[0], AcceptsUnknown: true, Picks: true)),
    ];

    // Every element and character is written at least once, escapes and numbers at most a few times over:
    // a value whose JSON would pass the string limit is stopped before it is written.
    private static TfString JsonEncode(FunctionArgs args)
    {
        args.Budget.CheckLength(args[0].Size.Characters + args[0].Size.Elements);
        return new TfString(JsonValues.ToJson(args[0]));
    }

    private static TfString Hex(byte[] hash) => new(Convert.ToHexStringLower(hash));

    // md5() and sha1() are checksums in Terraform code (etags, triggers), not security controls.
#pragma warning disable CA5350, CA5351
    private static byte[] Md5(byte[] data) => MD5.HashData(data);

    private static byte[] Sha1(byte[] data) => SHA1.HashData(data);
#pragma warning restore CA5350, CA5351

    // The message never quotes the text: it may come from a sensitive variable.
    private static TfValue JsonDecode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonValues.FromJson(document.RootElement);
        }
        catch (JsonException error)
        {
            throw new EvaluationException($"the string is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1})");
        }
    }
}
