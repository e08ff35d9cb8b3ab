namespace InfusionSuite.Host.Operations;

/// <summary>One options class: its configuration section, what it is for, its keys and its cross-setting checks.</summary>
internal sealed record DocumentedSection(string Name, Type OptionsType, string Summary, IReadOnlyList<DocumentedSetting> Settings, IReadOnlyList<string> Checks);
