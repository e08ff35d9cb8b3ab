namespace InfusionSuite.Fhir.Delivery;

/// <summary>How a session's resources reach the EHR (<c>Fhir:Delivery:Shape</c>); docs/integration.md says which to choose.</summary>
public enum FhirDeliveryShape
{
    /// <summary>One transaction Bundle of conditional creates (HAPI, Microsoft FHIR server, Firely Server, Medplum).</summary>
    Transaction,

    /// <summary>One request per resource in dependency order; later changes update by the server's id (Epic-like servers).</summary>
    Individual,

    /// <summary><see cref="Individual"/> with Oracle Health Millennium's documented rules (completed Procedures, literal references, ChargeItem/$create and $credit).</summary>
    Millennium,
}
