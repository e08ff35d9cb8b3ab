namespace InfusionSuite.Web.Board;

/// <summary>One thing on the board's urgency strip: a chair that needs a nurse now, in words.</summary>
/// <param name="Kind"><c>alarm</c> (a controller alarm, or the controller offline during a session), <c>not-cooling</c> (a session's controller not cooling while the cap is on), <c>cooling-no-session</c> (a controller cooling with no running session on its chair), <c>ready</c> (ready for infusion), <c>remove-cap</c>, <c>offline</c> (chairs gone offline without a session, all in one item).</param>
/// <param name="Text">What to do or what is wrong, short (the card has the whole sentence).</param>
/// <param name="ControllerIds">Every chair the item is about (several for <c>offline</c>).</param>
public sealed record UrgentItem(string ControllerId, string Label, string Kind, string Text, IReadOnlyList<string> ControllerIds);
