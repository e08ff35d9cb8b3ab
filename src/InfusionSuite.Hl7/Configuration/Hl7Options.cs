namespace InfusionSuite.Hl7.Configuration;

/// <summary>
/// HL7 v2 to the interface engine (configuration section <c>Hl7</c>). Off unless
/// <see cref="Enabled"/>; checked at start by <see cref="Hl7OptionsValidator"/>.
/// </summary>
public sealed class Hl7Options
{
    public const string SectionName = "Hl7";

    /// <summary>Whether ORU^R01 and DFT^P03 messages are produced and sent.</summary>
    public bool Enabled { get; set; }

    /// <summary>MSH-12.</summary>
    public string Version { get; set; } = "2.5.1";

    /// <summary>MSH-1.</summary>
    public string FieldSeparator { get; set; } = "|";

    /// <summary>MSH-2: component, repetition, escape, subcomponent.</summary>
    public string EncodingCharacters { get; set; } = "^~\\&";

    /// <summary>MSH-3.</summary>
    public string SendingApplication { get; set; } = "INFUSIONSUITE";

    /// <summary>MSH-4: the site's facility code as the interface engine knows it.</summary>
    public string SendingFacility { get; set; } = string.Empty;

    /// <summary>MSH-5.</summary>
    public string ReceivingApplication { get; set; } = string.Empty;

    /// <summary>MSH-6.</summary>
    public string ReceivingFacility { get; set; } = string.Empty;

    /// <summary>MSH-11: P production, T training, D debugging.</summary>
    public string ProcessingId { get; set; } = "P";

    /// <summary>MLLP over TCP to <c>Host</c>:<c>Port</c>, or files in <c>Folder</c>.</summary>
    public Hl7TransportMode Transport { get; set; } = Hl7TransportMode.Mllp;

    /// <summary>The interface engine's MLLP listener.</summary>
    public string? Host { get; set; }

    /// <summary>The MLLP listener's port.</summary>
    public int Port { get; set; } = 2575;

    /// <summary>MLLP inside TLS (the server's certificate must be trusted by this machine).</summary>
    public bool UseTls { get; set; }

    /// <summary>Name expected on the server's certificate; <see cref="Host"/> when not set.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>The drop folder when <see cref="Transport"/> is <c>File</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>How long to wait for the connection (then the message is sent again later).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the ACK after a message was written.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the dispatcher looks for due messages when the last look found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages taken per look.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>First wait before a message without an ACK is sent again (doubles per attempt, ±20 % jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two sends of one message.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>PID-3.4: who assigned the patient identifier (the EHR's MRN namespace).</summary>
    public string PatientAssigningAuthority { get; set; } = "MRN";

    /// <summary>PV1-3.1 and FT1-13: the infusion department's code.</summary>
    public string Department { get; set; } = "INFUSION";

    /// <summary>FT1-7.3: the coding system of the charge codes (HL7 table 0396 calls CPT-4 <c>C4</c>; engines often expect <c>CPT</c>).</summary>
    public string ChargeCodingSystem { get; set; } = "CPT";

    /// <summary>FT1-7.6: the coding system of the site's charge-master number in FT1-7.4 (<c>Billing:ChargeMaster</c>).</summary>
    public string ChargeMasterCodingSystem { get; set; } = "CDM";

    /// <summary>FT1-26 per charge code, e.g. <c>"0663T": ["59"]</c> when the site's payers want one.</summary>
    public Dictionary<string, List<string>> ChargeModifiers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>OBX-3 (and OBX-4) per value: entries replace the defaults of <see cref="ObservationKeys.Defaults"/> by key.</summary>
    public Dictionary<string, Hl7ObservationCode> ObservationCodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The code for one value: the site's entry, else the default.</summary>
    public Hl7ObservationCode ObservationCode(string key) =>
        ObservationCodes.TryGetValue(key, out var code) ? code : ObservationKeys.Defaults[key];
}
