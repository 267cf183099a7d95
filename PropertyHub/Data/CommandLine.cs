using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Data;

/// <summary>
/// Maintenance commands that run instead of the web server:
/// <c>--migrate</c> migrates and exits; <c>--create-admin EMAIL</c> creates the first administrator
/// with the password from PROPERTYHUB_ADMIN_PASSWORD or typed at the prompt; <c>--health-check [URL]</c> asks the
/// running app whether it is ready (the container's HEALTHCHECK: the runtime image has no curl).
/// </summary>
public static class CommandLine
{
    public const string PasswordVariable = "PROPERTYHUB_ADMIN_PASSWORD";
    public const string DefaultHealthUrl = "http://localhost:8080/health/ready";

    /// <summary>
    /// <c>--health-check [URL]</c>, run before the app is built: the probe runs every half minute and needs neither the
    /// database nor the services. Returns the exit code, or null when it was not asked for.
    /// </summary>
    public static async Task<int?> RunHealthCheckAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--health-check");
        if (index < 0)
            return null;
        var url = index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[index + 1] : DefaultHealthUrl;
        return await HealthCheckAsync(url, TimeSpan.FromSeconds(5));
    }

    /// <summary>0 when the URL answers 2xx (Healthy or Degraded), 1 when it answers anything else or not at all.</summary>
    public static async Task<int> HealthCheckAsync(string url, TimeSpan timeout)
    {
        // A redirect (to the sign-in page, say) is not "ready".
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Runs a command if one was given. Returns the exit code, or null to go on and serve.</summary>
    public static Task<int?> RunCommandAsync(this WebApplication app, string[] args) =>
        RunCommandAsync(app.Services, args, email => Environment.GetEnvironmentVariable(PasswordVariable) ?? Prompt($"Password for {email}: "));

    /// <summary>The commands on any service provider; <paramref name="readPassword"/> is asked for the admin's password.</summary>
    public static async Task<int?> RunCommandAsync(IServiceProvider services, string[] args, Func<string, string> readPassword)
    {
        if (args.Contains("--migrate"))
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                // Waits for the start-up lock while another instance migrates or seeds.
                await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().MigrateAsync();
            }
            catch (Exception e) when (StartupErrors.Classify(e) is not StartupProblem.Other)
            {
                // One line an operator can act on, not a stack trace.
                var problem = StartupErrors.Classify(e);
                var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var (server, user) = StartupErrors.Describe(database.Provider, database.ConnectionString);
                Console.Error.WriteLine($"Migration failed ({problem}) on {database.Provider} at {server} as {user}: {StartupErrors.Reason(e)}");
                return problem == StartupProblem.Unreachable ? DataStartupExtensions.ExitDatabaseFailure : DataStartupExtensions.ExitDatabaseConfiguration;
            }
            return 0;
        }

        var index = Array.IndexOf(args, "--create-admin");
        if (index < 0)
            return null;
        if (index + 1 >= args.Length)
        {
            Console.Error.WriteLine("Usage: PropertyHub --create-admin <email>");
            return 2;
        }
        var email = args[index + 1];
        return await CreateAdminAsync(services, email, readPassword(email));
    }

    /// <summary>Migrates, makes sure the roles exist and creates an administrator. 0 on success, 1 when refused.</summary>
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string password)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var startup = scope.ServiceProvider.GetRequiredService<DatabaseStartup>();
            await startup.MigrateAsync();
            await DemoUsers.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
                scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>());
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var result = await admin.CreateAsync(new NewStaffUser(email, email, "", password, [Roles.Admin]));
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                    Console.Error.WriteLine(error.Description);
                return 1;
            }
        }
        Console.WriteLine($"Administrator {email} created.");
        return 0;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        if (Console.IsInputRedirected)
            return Console.ReadLine() ?? "";
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
                password.Length--;
            else if (!char.IsControl(key.KeyChar))
                password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
