using System.Text.Json;
using System.Text.Json.Serialization;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Session inputs (other than samples) and policies as JSON: a stable kind number per input type,
/// enums by name, instants with their offset (exact). The domain knows nothing of this.
/// </summary>
internal static class InputLogCodec
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        IgnoreReadOnlyProperties = true,
    };

    private static readonly (int Kind, Type Type)[] s_kinds =
    [
        (1, typeof(StartSession)),
        (2, typeof(PlaceCap)),
        (3, typeof(StartInfusion)),
        (4, typeof(EndInfusion)),
        (5, typeof(RemoveCap)),
        (6, typeof(AbortSession)),
        (7, typeof(VoidSession)),
        (8, typeof(RecordTolerance)),
        (9, typeof(RecordAdverseEvent)),
        (10, typeof(GiveBillingDetails)),
        (11, typeof(MoveToCourse)),
        (20, typeof(DeviceEventReceived)),
        (21, typeof(ControllerHelloReceived)),
        (22, typeof(ControllerWentOffline)),
        (23, typeof(ControllerCameOnline)),
        (24, typeof(ControllerSetpointKnown)),
    ];

    public static int KindOf(SessionInput input)
    {
        var type = input.GetType();
        foreach (var (kind, known) in s_kinds)
        {
            if (known == type)
            {
                return kind;
            }
        }

        throw new ArgumentException("This input type has no stored kind.", nameof(input));
    }

    public static string Serialize(SessionInput input) => JsonSerializer.Serialize(input, input.GetType(), s_options);

    public static SessionInput Deserialize(int kind, string json)
    {
        foreach (var (known, type) in s_kinds)
        {
            if (known == kind)
            {
                return (SessionInput)(JsonSerializer.Deserialize(json, type, s_options)
                    ?? throw new InvalidDataException("A stored input is empty."));
            }
        }

        throw new InvalidDataException($"Unknown stored input kind {kind}.");
    }

    public static string SerializePolicy(SessionPolicy policy) => JsonSerializer.Serialize(policy, s_options);

    public static SessionPolicy DeserializePolicy(string json) =>
        JsonSerializer.Deserialize<SessionPolicy>(json, s_options) ?? throw new InvalidDataException("A stored policy is empty.");
}
