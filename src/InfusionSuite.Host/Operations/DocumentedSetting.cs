namespace InfusionSuite.Host.Operations;

/// <summary>One configuration key as the settings reference shows it.</summary>
internal sealed record DocumentedSetting(string Key, string Type, string Default, string Rules, string Meaning);
