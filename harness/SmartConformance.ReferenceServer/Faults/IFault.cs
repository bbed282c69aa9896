namespace SmartConformance.ReferenceServer.Faults;

/// <summary>
/// One named deviation from the specification. <see cref="Apply"/> runs once while the host is composed, after the
/// conformant set-up, so it can add or remove OpenIddict handlers, rewrite discovery or turn FHIR policy switches.
/// </summary>
internal interface IFault
{
    FaultDescriptor Descriptor { get; }

    void Apply(FaultContext context);
}
