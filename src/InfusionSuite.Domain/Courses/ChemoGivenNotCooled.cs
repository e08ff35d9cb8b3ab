namespace InfusionSuite.Domain.Courses;

/// <summary>
/// A nurse's entry "chemotherapy given, not cooled": a session of the course that counts in the
/// adherence denominator (chemotherapy sessions given) but not in its numerator (sessions cooled).
/// </summary>
/// <param name="EntryId">Opaque id (retries of the same entry are stored once).</param>
/// <param name="GivenAt">When the chemotherapy was given (effective instant).</param>
/// <param name="ReasonText">Required for <see cref="NotCooledReason.Other"/>; free text, never logged.</param>
/// <param name="DocumentedBy">Opaque id of the nurse who documented it.</param>
/// <param name="DocumentedAt">Server instant of the entry.</param>
public sealed record ChemoGivenNotCooled(
    string EntryId,
    DateTimeOffset GivenAt,
    NotCooledReason Reason,
    string? ReasonText,
    string DocumentedBy,
    DateTimeOffset DocumentedAt);
