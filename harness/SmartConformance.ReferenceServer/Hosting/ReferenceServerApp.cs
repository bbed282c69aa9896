using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartConformance.ReferenceServer.Brands;
using SmartConformance.ReferenceServer.Backend;
using SmartConformance.ReferenceServer.Discovery;
using SmartConformance.ReferenceServer.Ehr;
using SmartConformance.ReferenceServer.Faults;
using SmartConformance.ReferenceServer.Fhir;
using SmartConformance.ReferenceServer.Identity;
using SmartConformance.ReferenceServer.Introspection;
using SmartConformance.ReferenceServer.OAuth;
using SmartConformance.ReferenceServer.Registration;
using SmartConformance.ReferenceServer.Revocation;
using SmartConformance.ReferenceServer.Sessions;
using SmartConformance.ReferenceServer.Storage;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>Composition root: the conformant server first, then the faults, then the HTTP pipeline.</summary>
internal static class ReferenceServerApp
{
    public static WebApplication Build(ReferenceServerOptions options, IReadOnlyList<IFault> faults)
    {
        // The empty builder reads no appsettings.json, ASPNETCORE_* variables or hosting startup assemblies of the
        // hosting process, so nothing can add endpoints beyond 127.0.0.1:port or change behaviour.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReferenceServerApp).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureLogging(builder.Logging, options.Log);

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        services.AddRoutingCore();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<ServerUrls>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton(_ => FhirSeedLoader.Load());
        services.AddSingleton<FhirAccessDecider>();
        services.AddSingleton<CapabilityStatementFactory>();
        services.AddSingleton<FhirRequestHandler>();
        services.AddSingleton<FhirWriteHandler>();
        services.AddSingleton<FhirBatchHandler>();
        services.AddSingleton<OperationOutcomes>();
        services.AddSingleton<SearchBundleFactory>();
        services.AddSingleton<SmartConfigurationFactory>();
        services.AddSingleton<BrandBundleFactory>();
        services.AddSingleton<GrantedPrincipalFactory>();
        services.AddCors();
        services.AddReferenceStorage();
        services.AddLoginCookie();
        var (server, validation) = services.AddReferenceOpenIddict(options);
        services.AddEhrLaunch(server);
        services.AddTokenIntrospection(server);
        services.AddTokenRevocation(server, validation);
        services.AddBackendServices(server);

        var fhirPolicy = new FhirAccessPolicy();
        var oauthPolicy = new OAuthPolicy();
        var registrationPolicy = new RegistrationPolicy();
        var sessionPolicy = new SessionPolicy();
        var backendPolicy = new BackendPolicy();
        var transport = new TransportPolicy();
        var discovery = new SmartConfigurationMutations();
        var capabilityStatement = new CapabilityStatementMutations();
        var faultContext = new FaultContext(server, validation, discovery, fhirPolicy, services, capabilityStatement)
        {
            OAuth = oauthPolicy, Registration = registrationPolicy, Sessions = sessionPolicy, Backend = backendPolicy, Transport = transport,
        };
        foreach (var fault in faults)
        {
            fault.Apply(faultContext);
        }

        transport.Decide(options.Https);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, transport.UseHttps));

        services.AddSingleton(transport);
        services.AddSingleton(fhirPolicy);
        services.AddSingleton(oauthPolicy);
        services.AddSingleton(registrationPolicy);
        services.AddSingleton(sessionPolicy);
        services.AddSingleton<LoginSessions>();
        services.AddSingleton(backendPolicy);
        services.AddSingleton(discovery);
        services.AddSingleton(capabilityStatement);
        services.AddAuthorization(authorization =>
            authorization.AddPolicy(FhirAuthorization.PolicyName, FhirAuthorization.CreatePolicy(fhirPolicy)));

        var app = builder.Build();
        ConfigurePipeline(app, options);
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, Action<string>? sink)
    {
        logging.ClearProviders();
        if (sink is null)
        {
            return;
        }
        logging.AddProvider(new LogSinkLoggerProvider(sink));
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter(typeof(RequestLogMiddleware).FullName, LogLevel.Information);
    }

    private static void ConfigurePipeline(WebApplication app, ReferenceServerOptions options)
    {
        if (options.Log is not null)
        {
            app.UseMiddleware<RequestLogMiddleware>();
        }

        // SMART 2.2 expects CORS on discovery, metadata, token and FHIR responses for browser-based public clients.
        app.UseCors(cors => cors.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapDiscoveryEndpoints();
        app.MapLoginEndpoints();
        app.MapAuthorizeEndpoint();
        app.MapFhirEndpoints();
        app.MapOpenFhirEndpoints();
        app.MapEhrEndpoints();
        app.MapBrandEndpoints();
        app.MapRegistrationEndpoint();
        app.MapLogoutEndpoint();
    }
}
