using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>The chair's controller as a Device, identified by its CCP/1 controllerId.</summary>
internal static class DeviceMapping
{
    public static Device Controller(BundleScope scope)
    {
        var controller = scope.Record.Controller;
        var device = new Device
        {
            Identifier = [new Identifier(scope.Options.DeviceIdentifierSystem, controller.ControllerId)],
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
