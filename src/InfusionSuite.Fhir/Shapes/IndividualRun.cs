using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>One pass of <see cref="IndividualDelivery"/> over one item: what each resource came to, one line each.</summary>
internal sealed class IndividualRun(
    EhrRestClient ehr,
    EhrCapabilities capabilities,
    SentResources sent,
    string sessionId,
    FhirDeliveryOptions options,
    ResolvedReferences references)
{
    private readonly Dictionary<string, string?> _byFullUrl = new(StringComparer.Ordinal);
    private readonly List<string> _forStaff = [];

    private bool Millennium => options.Shape == FhirDeliveryShape.Millennium;

    public List<string> Lines { get; } = [];

    /// <summary>What the EHR holds after this pass, resource by resource, with its ids: stored with the attempt.</summary>
    public List<ReceiverResource> Resources { get; } = [];

    /// <summary>Null to go on with the next resource; otherwise the pass stops with this result.</summary>
    public async Task<FhirSendResult?> DeliverAsync(Bundle.EntryComponent entry, CancellationToken cancellationToken)
    {
        if (entry.Resource is not { } resource)
        {
            return null;
        }

        var type = resource.TypeName;
        var key = ResourceFields.Key(resource, sessionId);
        ResourceFields.Rewrite(resource, Literal);
        if (resource is Device)
        {
            return await DeviceAsync(entry, key, cancellationToken);
        }

        if (Millennium && resource is Procedure procedure)
        {
            MillenniumRules.Prepare(procedure);
        }

        if (Millennium && resource is Observation observation && !MillenniumRules.Takes(observation))
        {
            return LeaveOut(entry, key, "Oracle Millennium takes Observations only as vital-signs or laboratory");
        }

        if (Millennium && resource is ChargeItem charge)
        {
            return await ChargeAsync(charge, key, cancellationToken);
        }

        var update = entry.Request?.Method == Bundle.HTTPVerb.PUT;
        if (!capabilities.Can(type, "create") && !(update && capabilities.Can(type, "update")))
        {
            return LeaveOut(entry, key, $"the EHR does not take {type}");
        }

        var (existing, stop) = await ExistingAsync(resource, key, cancellationToken);
        if (stop is not null)
        {
            return stop;
        }

        if (existing is null)
        {
            if (resource is Procedure { Status: EventStatus.EnteredInError } or Observation { Status: ObservationStatus.EnteredInError } or ChargeItem { Status: ChargeItem.ChargeItemStatus.EnteredInError })
            {
                return LeaveOut(entry, key, "nothing to withdraw: it never reached the EHR");
            }

            return await CreateAsync(entry, key, cancellationToken);
        }

        _byFullUrl[Url(entry)] = existing;
        if (!update)
        {
            Record(key, existing, "sent before");
            return null;
        }

        if (!capabilities.Can(type, "update"))
        {
            if (await HandEditAsync(key, existing, resource, cancellationToken) is { } edit)
            {
                _forStaff.Add($"{key}: the EHR takes no updates of {type}: {edit}");
                Resources.Add(new ReceiverResource(key, existing, SentResources.NotUpdated) { Reason = edit });
                Lines.Add(SentResources.Line(key, existing, SentResources.NotUpdated));
            }
            else
            {
                Record(key, existing, "unchanged: the EHR already holds what changed");
            }

            return null;
        }

        resource.Id = existing.Split('/')[1];
        var answer = await ehr.PutAsync(existing, resource, cancellationToken);
        return answer.Succeeded ? Done(key, existing, "updated", new Request("PUT " + existing, answer.Status)) : Failed(key, answer, "PUT " + existing);
    }

    public FhirSendResult Finish()
    {
        var message = string.Join('\n', Lines);
        if (_forStaff.Count == 0)
        {
            return new FhirSendResult(OutboxAttemptOutcome.Sent, 200, message);
        }

        return new FhirSendResult(OutboxAttemptOutcome.SentButStaffMustFinish, 200, message, ParkReason: "Sent, but staff must finish in the EHR: " + string.Join("; ", _forStaff) + ".");
    }

    private async Task<FhirSendResult?> DeviceAsync(Bundle.EntryComponent entry, string key, CancellationToken cancellationToken)
    {
        var identifier = ResourceFields.Identifier(entry.Resource!)!;
        if (capabilities.CanSearchBy("Device", "identifier"))
        {
            var search = $"Device?identifier={Uri.EscapeDataString($"{identifier.System}|{identifier.Value}")}";
            var answer = await ehr.GetAsync(search, cancellationToken);
            if (!answer.Succeeded)
            {
                return answer.Transient ? Failed(key, answer, "GET " + search) : LeaveOut(entry, key, "the Device search was refused: " + answer.Explanation());
            }

            var ids = SearchSet.Ids(answer.Body, "Device");
            if (ids.Count > 1)
            {
                return LeaveOut(entry, key, $"ambiguous: {ids.Count} Devices with this identifier at the EHR; the record goes without the Device reference");
            }

            if (ids.Count == 1)
            {
                _byFullUrl[Url(entry)] = "Device/" + ids[0];
                Record(key, "Device/" + ids[0], "found", new Request("GET " + search, answer.Status));
                return null;
            }
        }

        if (!capabilities.Can("Device", "create"))
        {
            return LeaveOut(entry, key, "the EHR does not take Device");
        }

        if (sent.Reference(key) is { } before)
        {
            _byFullUrl[Url(entry)] = before;
            Record(key, before, "sent before");
            return null;
        }

        if (sent.AnswerLost(key) && !sent.StaffCheckedLostAnswers)
        {
            // Never a second Device blindly, and an unknown Device never holds back the clinical record.
            return LeaveOut(entry, key, $"a create of it went but {SentResources.LostAnswerMarker}, and the EHR cannot be searched for it; the record goes without the Device reference");
        }

        var created = await ehr.PostOnceAsync("Device", entry.Resource!, cancellationToken);
        if (created is { Succeeded: false, Transient: false })
        {
            return LeaveOut(entry, key, "the EHR refused the Device (" + created.Explanation() + "); the record goes without it");
        }

        return Created(entry, key, created);
    }

    /// <summary>The server's literal reference of what this resource already is at the EHR, from our record or a search after a lost answer.</summary>
    private async Task<(string? Existing, FhirSendResult? Stop)> ExistingAsync(Resource resource, string key, CancellationToken cancellationToken)
    {
        if (sent.Reference(key) is { } known)
        {
            return (known, null);
        }

        var type = resource.TypeName;
        var searchable = capabilities.CanSearchBy(type, "identifier") && !(Millennium && type == "Procedure");
        if (searchable && ResourceFields.Identifier(resource) is { } identifier)
        {
            var search = $"{type}?identifier={Uri.EscapeDataString($"{identifier.System}|{identifier.Value}")}";
            var answer = await ehr.GetAsync(search, cancellationToken);
            if (!answer.Succeeded)
            {
                return (null, Failed(key, answer, "GET " + search));
            }

            var ids = SearchSet.Ids(answer.Body, type);
            return ids.Count switch
            {
                0 => (null, null),
                1 => ($"{type}/{ids[0]}", null),
                _ => (null, new FhirSendResult(OutboxAttemptOutcome.Rejected, 200, Message($"{key} → {ids.Count} at the EHR with our identifier"), ParkReason: $"{key}: {ids.Count} resources at the EHR carry its identifier; keep one and mark this handled.")),
            };
        }

        if (sent.AnswerLost(key) && !sent.StaffCheckedLostAnswers)
        {
            return (null, LostAnswer(key, "the EHR"));
        }

        return (null, null);
    }

    private async Task<FhirSendResult?> CreateAsync(Bundle.EntryComponent entry, string key, CancellationToken cancellationToken)
    {
        var resource = entry.Resource!;
        if (!capabilities.Can(resource.TypeName, "create"))
        {
            _forStaff.Add($"{key}: not at the EHR, and the EHR takes no creates of {resource.TypeName}");
            return null;
        }

        resource.Id = null;
        return Created(entry, key, await ehr.PostOnceAsync(resource.TypeName, resource, cancellationToken));
    }

    private FhirSendResult? Created(Bundle.EntryComponent entry, string key, EhrResponse answer)
    {
        var type = entry.Resource!.TypeName;
        if (!answer.Succeeded)
        {
            return Failed(key, answer, "POST " + type);
        }

        var reference = answer.ResourceId(type) is { } id ? $"{type}/{id}" : null;
        _byFullUrl[Url(entry)] = reference;
        if (reference is null)
        {
            Lines.Add($"{key} → created (the EHR gave no id)");
            Resources.Add(new ReceiverResource(key, null, "created") { Request = "POST " + type, HttpStatus = answer.Status });
        }
        else
        {
            Record(key, reference, "created", new Request("POST " + type, answer.Status));
        }

        return null;
    }

    /// <summary>Millennium: a billable charge through <c>ChargeItem/$create</c>, a withdrawn one reversed by <c>$credit</c>.</summary>
    private async Task<FhirSendResult?> ChargeAsync(ChargeItem charge, string key, CancellationToken cancellationToken)
    {
        var charged = sent.Reference(key);
        if (charge.Status != ChargeItem.ChargeItemStatus.Billable)
        {
            if (charged is null || sent.Credited(key))
            {
                Lines.Add($"{key} → not charged ({charge.Status?.GetLiteral() ?? "no status"})");
                return null;
            }

            var credit = await ehr.PostOnceAsync(charged + "/$credit", MillenniumRules.Credit(sessionId, key), cancellationToken);
            return credit.Succeeded ? Done(key, charged, "credited", new Request($"POST {charged}/$credit", credit.Status)) : Failed(key, credit, $"POST {charged}/$credit");
        }

        if (charged is not null && !sent.Credited(key))
        {
            Record(key, charged, "sent before");
            return null;
        }

        if (charge.Context is null)
        {
            _forStaff.Add($"{key}: a charge needs the visit (Encounter), and the session has none");
            return null;
        }

        if (sent.AnswerLost(key) && !sent.StaffCheckedLostAnswers)
        {
            return LostAnswer(key, "the EHR's charges");
        }

        var answer = await ehr.PostOnceAsync("ChargeItem/$create", MillenniumRules.Create(charge, sessionId, options), cancellationToken);
        if (!answer.Succeeded)
        {
            return Failed(key, answer, "POST ChargeItem/$create");
        }

        if (answer.ResourceId("ChargeItem") is { } id)
        {
            Record(key, "ChargeItem/" + id, "charged", new Request("POST ChargeItem/$create", answer.Status));
        }
        else
        {
            Lines.Add($"{key} → charged (the EHR gave no id)");
            Resources.Add(new ReceiverResource(key, null, "charged") { Request = "POST ChargeItem/$create", HttpStatus = answer.Status });
        }

        return null;
    }

    /// <summary>
    /// A create of <paramref name="key"/> went but its answer was lost, and the EHR cannot be searched for it: parked, never sent again
    /// blindly. Staff check <paramref name="where"/>: found, they give its id with "handled outside InfusionSuite" and the rest of the item
    /// goes on with it; not there, Retry sends the create again.
    /// </summary>
    private FhirSendResult LostAnswer(string key, string where)
    {
        var reason = $"{key} was sent but {SentResources.LostAnswerMarker}, and the EHR cannot be searched for it: check {where}. "
            + $"If it is there, mark this handled outside InfusionSuite giving its id (e.g. {key.Split(' ')[0]}/123): the rest of this item then goes on with it. If it is not, Retry.";
        Resources.Add(new ReceiverResource(key, null, ReceiverResource.NoAnswer) { Reason = SentResources.LostAnswerMarker });
        return new FhirSendResult(OutboxAttemptOutcome.Rejected, null, Message(reason), ParkReason: reason) { LogReason = "a create's answer was lost and the EHR cannot be searched for it" };
    }

    private FhirSendResult? LeaveOut(Bundle.EntryComponent entry, string key, string why)
    {
        _byFullUrl[Url(entry)] = null;
        Lines.Add(SentResources.LeftOut(key, why));
        Resources.Add(new ReceiverResource(key, null, ReceiverResource.LeftOut) { Reason = why });
        return null;
    }

    private FhirSendResult? Done(string key, string reference, string what, Request request)
    {
        Record(key, reference, what, request);
        return null;
    }

    private FhirSendResult Failed(string key, EhrResponse answer, string request)
    {
        if (answer.Status is null)
        {
            Lines.Add(SentResources.NoAnswer(key, answer.Explanation()));
            Resources.Add(new ReceiverResource(key, null, ReceiverResource.NoAnswer) { Request = request });
        }
        else
        {
            Lines.Add($"{key} → HTTP {answer.Status}: {answer.Explanation()}");
            Resources.Add(new ReceiverResource(key, null, ReceiverResource.Refused) { Request = request, HttpStatus = answer.Status });
        }

        var outcome = answer.Transient ? OutboxAttemptOutcome.TransientFailure : OutboxAttemptOutcome.Rejected;
        return new FhirSendResult(outcome, answer.Status, string.Join('\n', Lines), answer.RetryAfter, ParkReason: answer.Transient ? null : $"{key}: {answer.Explanation()}");
    }

    /// <summary>A resource the EHR holds under <paramref name="reference"/>: a line for staff, and the id as data.</summary>
    private void Record(string key, string reference, string what, Request? request = null)
    {
        Lines.Add(SentResources.Line(key, reference, what));
        Resources.Add(new ReceiverResource(key, reference, what) { Request = request?.Line, HttpStatus = request?.Status });
    }

    /// <summary>The request that came to a resource's state (method and URL relative to the EHR's base) and the EHR's status.</summary>
    private sealed record Request(string Line, int? Status);

    private string Message(string last) => string.Join('\n', Lines.Append(last));

    private ResourceReference? Literal(ResourceReference reference)
    {
        if (reference.Reference is { } url && url.StartsWith("urn:uuid:", StringComparison.Ordinal))
        {
            return _byFullUrl.GetValueOrDefault(url) is { } literal ? new ResourceReference(literal) : null;
        }

        if (reference.Reference is null && reference.Identifier is not null && reference.Type is not null)
        {
            return references.Literal.GetValueOrDefault(ReferenceResolver.Key(reference)) is { } literal ? new ResourceReference(literal) { Display = reference.Display } : null;
        }

        return reference;
    }

    /// <summary>
    /// What staff must change by hand in the EHR, which takes no updates: only what differs from what the EHR holds now (read
    /// back; when it cannot be read, the whole new state): the status, and the sentences the note gains that no earlier hand edit
    /// of it asked for already (each is written once: a void after a documented correction asks only for its own words). Null when nothing differs.
    /// </summary>
    private async Task<string?> HandEditAsync(string key, string existing, Resource resource, CancellationToken cancellationToken)
    {
        var answer = await ehr.GetAsync(existing, cancellationToken);
        Resource? held = null;
        if (answer.Succeeded)
        {
            try
            {
                held = FhirJson.Parse<Resource>(answer.Body);
            }
            catch (Exception e) when (e is FormatException or DeserializationFailedException or System.Text.Json.JsonException)
            {
                held = null;
            }
        }

        var edits = new List<string>();
        if (held is null || Status(held) != Status(resource))
        {
            edits.Add($"change {existing} to {Status(resource)} in the EHR by hand");
        }

        var added = NoteSentences(resource).Except(NoteSentences(held), StringComparer.Ordinal).Except(sent.AskedByHand(key), StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            edits.Add(SentResources.AddToNote(existing, string.Join(" ", added)));
        }

        return edits.Count == 0 ? null : string.Join(", and ", edits);
    }

    private static IEnumerable<string> NoteSentences(Resource? resource)
    {
        var notes = resource switch
        {
            Procedure procedure => procedure.Note,
            Observation observation => observation.Note,
            ChargeItem charge => charge.Note,
            _ => [],
        };
        return notes.SelectMany(n => SentResources.Sentences(n.Text));
    }

    private static string Url(Bundle.EntryComponent entry) => entry.FullUrl ?? string.Empty;

    private static string Status(Resource resource) => resource switch
    {
        Procedure { Status: { } status } => status.GetLiteral() ?? "its new status",
        Observation { Status: { } status } => status.GetLiteral() ?? "its new status",
        ChargeItem { Status: { } status } => status.GetLiteral() ?? "its new status",
        _ => "its new state",
    };
}
