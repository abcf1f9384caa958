using System.Text.Json.Serialization;

namespace Kagi.Cli;

/// <summary>The JSON the CLI keeps in the store for workers (a distributed scan's arguments), serialized by generated code.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class CliJson : JsonSerializerContext;
