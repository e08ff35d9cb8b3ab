namespace InfusionSuite.Application.Ingest;

/// <summary>What <see cref="UploadCatchUp"/> says of a report due now.</summary>
internal enum CatchUpVerdict
{
    /// <summary>The controller's record is whole: report it.</summary>
    Report,

    /// <summary>The controller is cut off or uploading: wait.</summary>
    Hold,

    /// <summary>Waited as long as a report may: it goes now, marked incomplete.</summary>
    ReportIncomplete,
}
