using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Json;

internal sealed class JsonConfigReader(string text, string path)
{
    public ConfigFile Read() => throw new NotImplementedException(text + path);
}
