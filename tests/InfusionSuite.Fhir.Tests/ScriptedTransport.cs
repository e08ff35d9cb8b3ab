using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Tests;

/// <summary>An EHR that answers from a script, for the dispatcher's unit tests; records what was sent.</summary>
internal sealed class ScriptedTransport(bool configured = true) : IFhirBundleTransport
{
    private readonly Queue<FhirSendResult> _answers = new();

    public bool IsConfigured => configured;

    public List<string> Sent { get; } = [];

    public ScriptedTransport Then(FhirSendResult answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public Task<FhirSendResult> SendAsync(string bundleJson, string sessionId, CancellationToken cancellationToken)
    {
        Sent.Add(bundleJson);
        return Task.FromResult(_answers.Count > 0 ? _answers.Dequeue() : new FhirSendResult(OutboxAttemptOutcome.Sent, 200, "Accepted."));
    }
}
