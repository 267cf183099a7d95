using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts.Access;

/// <summary>
/// Walks the access table over every public method of the feature services: each is a change with the actions it
/// demands or a listed query; each change, called with placeholder arguments as every role, as nobody and as the
/// system, is refused (writing nothing) or let through exactly as the table says.
/// </summary>
public sealed partial class AccessServicesTests(AccessServicesTests.App app) : IClassFixture<AccessServicesTests.App>
{
    private const string Anonymous = "(anonymous)";
    private const string System = "(system)";

    [Fact]
    public void EveryPublicServiceMethod_IsAChangeWithItsActionsOrAListedQuery()
    {
        var methods = ServiceMethods().ToList();
        var missing = methods.Select(m => Key(m)).Where(k => !ServiceActions.Changes.ContainsKey(k) && !ServiceActions.Reads.Contains(k)).ToList();
        var stale = ServiceActions.Changes.Keys.Concat(ServiceActions.Reads).Except(methods.Select(Key)).ToList();
        var unknownActions = ServiceActions.Changes.SelectMany(c => c.Value).Where(a => !AccessTable.Rules.Any(r => r.Action == a)).ToList();
        Assert.True(methods.Count > 100, $"Only {methods.Count} service methods found");
        Assert.True(missing.Count == 0, "Service methods missing from ServiceActions:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "ServiceActions lists methods that do not exist:\n" + string.Join("\n", stale));
        Assert.Empty(unknownActions);
        Assert.Empty(ServiceActions.Changes.Keys.Intersect(ServiceActions.Reads));
    }

    public static TheoryData<string> Changes() => [.. ServiceActions.Changes.Keys.Order()];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task EveryChange_AsEveryRoleNobodyAndTheSystem_IsRefusedOrAllowedAsTheTableSays(string key)
    {
        var method = ServiceMethods().Single(m => Key(m) == key);
        var actions = ServiceActions.Changes[key];
        var failures = new StringBuilder();
        foreach (var who in Roles.All.Append(Anonymous).Append(System))
        {
            var expected = actions.Select(AccessTable.Rule).Any(r => who switch
            {
                System => r.System,
                Anonymous => r.Anyone,
                _ => r.AllowsRole(who),
            });
            var outcome = await CallAsync(method, who, actions);
            var problem = expected ? outcome.AllowedProblem() : outcome.RefusedProblem(actions);
            if (problem is not null)
                failures.AppendLine($"{key} as {who}: expected {(expected ? "allowed" : "refused")}, {problem}");
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private async Task<Outcome> CallAsync(MethodInfo method, string who, string[] actions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (who == Anonymous)
            ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        else if (who != System)
            await ActingAs.SignInScopeAsync(sp, who);
        var service = sp.GetRequiredService(method.DeclaringType!);
        var outcome = new Outcome();
        // An allowed change stops at its check: what it would then do is the feature tests' business.
        sp.GetRequiredService<Permissions>().Decided += (action, allowed) =>
        {
            outcome.Decisions.Add((action, allowed));
            if (allowed && actions.Contains(action))
                throw new AllowedStop();
        };
        outcome.Writes = app.Writes.Start();
        try
        {
            await (Task)method.Invoke(service, [.. method.GetParameters().Select(Placeholder)])!;
        }
        catch (Exception ex)
        {
            outcome.Thrown = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
        }
        finally
        {
            app.Writes.Stop();
        }
        return outcome;
    }

    private sealed class AllowedStop : Exception;

    private sealed class Outcome
    {
        public List<(string Action, bool Allowed)> Decisions { get; } = [];
        public List<string> Writes { get; set; } = [];
        public Exception? Thrown { get; set; }

        public string? AllowedProblem() => Thrown is AllowedStop ? null
            : $"got decisions [{string.Join(", ", Decisions)}] and {Thrown?.GetType().Name ?? "a normal return"}: {Thrown?.Message}";

        public string? RefusedProblem(string[] actions)
        {
            if (Writes.Count > 0)
                return "but it wrote: " + string.Join(" | ", Writes);
            if (Decisions.Count == 0 || !actions.Contains(Decisions[0].Action))
                return $"but its first check was [{string.Join(", ", Decisions)}] (the demand must come first)";
            if (Decisions.Any(d => d.Allowed && actions.Contains(d.Action)) || Thrown is AllowedStop)
                return "but it was allowed";
            if (Thrown is not null and not AccessRefusedException)
                return $"but it threw {Thrown.GetType().Name}: {Thrown.Message}";
            return null;
        }
    }

    private static object? Placeholder(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.HasDefaultValue)
            return parameter.DefaultValue ?? (type.IsValueType ? Activator.CreateInstance(type) : null);
        if (type == typeof(string))
            return "";
        if (type.IsValueType)
            return Activator.CreateInstance(type);
        if (type.IsArray)
            return Array.CreateInstance(type.GetElementType()!, 0);
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IReadOnlyCollection<>) || generic == typeof(IEnumerable<>)))
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        return type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
    }

    private static string Key(MethodInfo method) => method.DeclaringType!.Name + "." + method.Name;

    /// <summary>Public Task-returning methods declared by the feature classes the app registers as services.</summary>
    private IEnumerable<MethodInfo> ServiceMethods()
    {
        var registered = app.Services.GetRequiredService<IServiceProviderIsService>();
        return typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("PropertyHub.Features", StringComparison.Ordinal) == true)
            .Where(t => !typeof(IComponent).IsAssignableFrom(t) && registered.IsService(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && typeof(Task).IsAssignableFrom(m.ReturnType) && m.GetBaseDefinition().DeclaringType == m.DeclaringType);
    }

    /// <summary>The demo app with a recorder of every INSERT, UPDATE and DELETE sent while a call is watched.</summary>
    public sealed class App : AppFactory
    {
        public WriteRecorder Writes { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(Writes)));
        }
    }

    public sealed partial class WriteRecorder : DbCommandInterceptor
    {
        private readonly AsyncLocal<List<string>?> current = new();

        public List<string> Start() => current.Value = [];

        public void Stop() => current.Value = null;

        private void Record(System.Data.Common.DbCommand command)
        {
            if (current.Value is { } writes && Write().IsMatch(command.CommandText))
                lock (writes)
                    writes.Add(command.CommandText.Trim().Split('\n')[0]);
        }

        public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
        private static partial Regex Write();
    }
}
