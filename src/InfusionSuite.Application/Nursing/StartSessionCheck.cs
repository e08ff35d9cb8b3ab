namespace InfusionSuite.Application.Nursing;

/// <summary>The checked start: the worker's request when every field is right, else each field's problem.</summary>
public sealed record StartSessionCheck(StartSessionRequest? Request, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Request is not null;
}
