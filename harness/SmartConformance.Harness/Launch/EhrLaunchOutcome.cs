using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Redirect;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// An EHR launch: what the EHR sent to the app's launch URL, and the authorization that followed (as a standalone
/// launch would report it). <see cref="Received"/> is null when the EHR never opened the launch URL.
/// </summary>
public sealed record EhrLaunchOutcome(EhrLaunchProfile Profile, Uri StartUrl, Uri LaunchUrl, LaunchCapture? Received, LaunchOutcome Launch);
