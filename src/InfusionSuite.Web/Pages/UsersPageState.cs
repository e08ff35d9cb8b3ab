namespace InfusionSuite.Web.Pages;

/// <summary>
/// What the users page says besides the list: a notice, a token just issued (shown once), the add form's errors and
/// values, and the user a "Disable" waits to be confirmed for.
/// </summary>
public sealed record UsersPageState(
    string? Notice,
    IssuedToken? Token = null,
    IReadOnlyDictionary<string, string>? Errors = null,
    IReadOnlyDictionary<string, string>? Values = null,
    string? ConfirmDisable = null)
{
    public string Error(string field) => Errors is not null && Errors.TryGetValue(field, out var message) ? message : string.Empty;

    public string Value(string field) => Values is not null && Values.TryGetValue(field, out var value) ? value : string.Empty;
}
