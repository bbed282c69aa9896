using Microsoft.EntityFrameworkCore;

namespace SmartConformance.ReferenceServer.Storage;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in a per-host in-memory database.</summary>
internal sealed class ReferenceDbContext(DbContextOptions<ReferenceDbContext> options) : DbContext(options);
