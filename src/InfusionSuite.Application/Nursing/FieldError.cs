namespace InfusionSuite.Application.Nursing;

/// <summary>A problem with one field of a request, in words for staff. <paramref name="Field"/> is the request's field name (camelCase, as the API spells it).</summary>
public sealed record FieldError(string Field, string Message);
