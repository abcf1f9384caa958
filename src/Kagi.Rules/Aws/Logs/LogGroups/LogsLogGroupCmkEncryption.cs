namespace Kagi.Rules.Aws.Logs.LogGroups;

/// <summary>The log group's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class LogsLogGroupCmkEncryption : CmkEncryptionRule<LogsLogGroup>;
