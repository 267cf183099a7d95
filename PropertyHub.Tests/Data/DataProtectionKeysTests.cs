using System.Net;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Data;

public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-keys-" + Guid.NewGuid().ToString("N"));

    public DataProtectionKeysTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task SignInCookie_AfterRestartOnAnotherHost_StillSignsIn()
    {
        var connectionString = $"Data Source={Path.Combine(folder, "shared.db")}";
        string cookie;
        await using (var first = new AppFactory { ConnectionString = connectionString })
        {
            var client = first.NewClient();
            var login = await client.PostLoginAsync(SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PropertyHub.Auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        // A new host: its own service provider and key-ring cache; only the database is shared with the first.
        await using var second = new AppFactory { ConnectionString = connectionString };
        var fresh = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var home = await fresh.SendAsync(request);
        var anonymous = await fresh.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        // The ring is read from the database, not from a folder both hosts of this process would share.
        var repository = second.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        Assert.IsType<EntityFrameworkCoreXmlRepository<SqliteDbContext>>(repository);
        await using var db = await second.CreateDbContextAsync();
        var keys = await db.DataProtectionKeys.ToListAsync();
        Assert.Single(keys);
        Assert.Contains("<key ", keys[0].Xml);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType.Contains("DataProtection")));
    }
}
