using InfusionSuite.Application.Hosting;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// At start, reads the EHR's <c>/metadata</c> and stops the host, with one line naming the mismatch,
/// when the EHR cannot take the configured <see cref="FhirDeliveryOptions.Shape"/>. An EHR that does
/// not answer at start does not stop clinical recording: it is logged and delivery checks again. Warns when the billable
/// charges would reach no one (the EHR takes no ChargeItem in the shape and HL7 v2 is off).
/// </summary>
internal sealed class EhrCapabilityCheck(
    EhrCapabilityReader reader,
    IOptions<FhirDeliveryOptions> delivery,
    IOptions<FhirMappingOptions> mapping,
    IConfiguration configuration,
    ILogger<EhrCapabilityCheck> logger) : IHostedService, IStartupCheck
{
    private int _checked;

    /// <summary>As a hosted service (a host not run by <see cref="ServiceRun"/>): the same check, once.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>Before the host starts (<see cref="ServiceRun"/>): a mismatch stops it with one line naming the setting.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _checked, 1) == 1)
        {
            return;
        }

        var options = delivery.Value;
        if (options.BaseUrl is null || !options.CheckCapabilitiesAtStart)
        {
            return;
        }

        var (capabilities, problem) = await reader.ReadAsync(cancellationToken);
        if (capabilities is null)
        {
            ShapeLog.NotChecked(logger, options.Shape.ToString(), problem ?? string.Empty);
            return;
        }

        if (ShapeCheck.Mismatch(options.Shape, capabilities, mapping.Value.ChargeItems) is { } mismatch)
        {
            // A setting that does not fit the EHR: the host stops as for any invalid setting, with one line naming it.
            throw new OptionsValidationException(FhirDeliveryOptions.SectionName, typeof(FhirDeliveryOptions), [mismatch]);
        }

        ShapeLog.Checked(logger, options.Shape.ToString());
        if (ShapeCheck.ChargesGoNowhere(options.Shape, capabilities, mapping.Value.ChargeItems, configuration.GetValue<bool>("Hl7:Enabled")) is { } warning)
        {
            ShapeLog.ChargesGoNowhere(logger, warning);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
