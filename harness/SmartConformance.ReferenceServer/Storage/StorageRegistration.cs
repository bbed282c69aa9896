using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace SmartConformance.ReferenceServer.Storage;

internal static class StorageRegistration
{
    /// <summary>Registers the OpenIddict database; the name is unique per host so two hosts never share data.</summary>
    public static IServiceCollection AddReferenceStorage(this IServiceCollection services)
    {
        // Chosen once: the options lambda runs for every scope.
        var databaseName = $"smart-reference-{Guid.NewGuid():N}";
        return services.AddDbContext<ReferenceDbContext>(db => db
            .UseInMemoryDatabase(databaseName)
            .UseOpenIddict()
            .ConfigureWarnings(w => w.Ignore(
                // The in-memory provider has no transactions; OpenIddict's stores open some anyway.
                InMemoryEventId.TransactionIgnoredWarning,
                // Every host is a new application service provider; a test run starts dozens of them.
                CoreEventId.ManyServiceProvidersCreatedWarning)));
    }
}
