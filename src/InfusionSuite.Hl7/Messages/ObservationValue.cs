namespace InfusionSuite.Hl7.Messages;

/// <summary>One OBX before encoding: the code table key, the HL7 value type, the value's components, its UCUM unit.</summary>
/// <param name="SubIdSuffix">Appended to the code's sub-id where one key repeats (deviations: 1, 2, …).</param>
internal sealed record ObservationValue(string Key, string ValueType, IReadOnlyList<string?> Value, string? Unit, DateTimeOffset? ObservedAt, string? SubIdSuffix = null);
