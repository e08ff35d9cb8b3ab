using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Writes an accepted nurse action into the session's facts.</summary>
internal static class NurseFacts
{
    public static void Record(SessionState s, NurseAction action)
    {
        var at = action.EffectiveInstant;
        switch (action)
        {
            case StartSession start:
                s.Plan = start.Plan;
                s.StartedAt = at;
                break;
            case PlaceCap:
                s.NurseCapPlacedAt = at;
                break;
            case StartInfusion:
                s.InfusionStartedAt = at;
                break;
            case EndInfusion:
                s.InfusionEndedAt = at;
                break;
            case RemoveCap:
                s.NurseCapRemovedAt = at;
                break;
            case AbortSession abort:
                s.Abort = new SessionAbort(abort.Reason, at, abort.NurseId);
                break;
            case VoidSession voided:
                s.Void = new SessionVoid(voided.Reason, at, voided.NurseId);
                break;
            case RecordTolerance tolerance:
                s.Tolerance = tolerance.Score;
                break;
            case RecordAdverseEvent adverse:
                s.AdverseEvents.Add(new AdverseEventEntry(adverse.Event, at, adverse.NurseId));
                break;
            default:
                break;
        }

        s.AcceptedActions.Add(action);
        s.NurseEntries.Add(new NurseEntry(action.Kind, action.NurseId, action.ReceivedAt, at));
        if (!s.Nurses.Contains(action.NurseId))
        {
            s.Nurses.Add(action.NurseId);
        }
    }
}
