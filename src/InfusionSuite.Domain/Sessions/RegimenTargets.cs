namespace InfusionSuite.Domain.Sessions;

/// <summary>The pre-cooling and post-cooling times a regimen asks for.</summary>
public sealed record RegimenTargets(TimeSpan PreCooling, TimeSpan PostCooling)
{
    /// <summary>Builds targets from whole minutes.</summary>
    public static RegimenTargets FromMinutes(int preCooling, int postCooling) =>
        new(TimeSpan.FromMinutes(preCooling), TimeSpan.FromMinutes(postCooling));
}
