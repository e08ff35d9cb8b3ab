using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// The chair's controller as a Device, identified by its CCP/1 controllerId in its site's system: the site stored for the
/// chair when one is (a shared database: the same for every worker, so a failover never makes a second Device), else
/// this node's (<see cref="FhirMappingOptions.Site"/>); a system set by hand is used as it is.
/// </summary>
internal static class DeviceMapping
{
    public static Device Controller(BundleScope scope)
    {
        var controller = scope.Record.Controller;
        var system = scope.Options.DeviceSystemPerSite && scope.Context.ControllerSite is { Length: > 0 } site
            ? FhirMappingOptions.DeviceSystemOf(site)
            : scope.Options.DeviceIdentifierSystem;
        var device = new Device
        {
            Identifier = [new Identifier(system, controller.ControllerId)],
            Type = new CodeableConcept { Text = FhirCodes.ControllerTypeText },
            ModelNumber = controller.Model,
        };
        if (controller.Firmware is { } firmware)
        {
            device.Version = [new Device.VersionComponent { Type = new CodeableConcept { Text = "firmware" }, Value = firmware }];
        }

        return device;
    }
}
