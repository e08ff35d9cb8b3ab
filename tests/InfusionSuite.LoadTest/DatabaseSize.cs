namespace InfusionSuite.LoadTest;

/// <summary>
/// The database's samples and bytes on disk (<see cref="LoadDatabase.MeasureAsync"/>). Measured before
/// and after a run, the growth per sample stored is what a sample costs on disk, its indexes included.
/// </summary>
internal sealed record DatabaseSize(long Samples, long FileBytes)
{
    public double BytesPerSampleSince(DatabaseSize before) => (double)(FileBytes - before.FileBytes) / (Samples - before.Samples);
}
