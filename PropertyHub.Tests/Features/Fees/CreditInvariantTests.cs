using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;

namespace PropertyHub.Tests.Features.Fees;

/// <summary>
/// Random sequences of payments, reversals and monthly issues, one sequence per unit of the demo estate, from fixed
/// seeds so that a failure reproduces. After every round, for every unit: received − reversed = allocated + credit,
/// credit is never negative, every request is paid 0 to its total and exactly what was allocated to it, credit is left
/// over only when nothing is owed, and every reversed payment's allocations are undone by its reversal.
/// </summary>
public static class CreditInvariant
{
    public static async Task RunAsync(AppFactory factory, int seed, int units, int rounds)
    {
        List<int> unitIds;
        DateOnly firstMonth;
        await using (var db = await factory.CreateDbContextAsync())
        {
            unitIds = await db.Units.Where(u => u.Occupants.Any()).OrderBy(u => u.Id).Select(u => u.Id).Take(units).ToListAsync();
            // Months the demo fee standard has rates for, whatever year the test runs in.
            firstMonth = await db.FeeRates.MinAsync(r => r.EffectiveFrom);
        }
        Assert.Equal(units, unitIds.Count);
        var dice = new Random(seed);
        var unitDice = unitIds.Select((_, i) => new Random(seed * 31 + i)).ToArray();
        var history = unitIds.Select(_ => new List<string>()).ToArray();
        var unreversed = unitIds.Select(_ => new List<int>()).ToArray();
        var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1);

        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Finance);
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        // The monthly issue is the system's duty: it runs in a scope of its own, as the duty does.
        await using var duty = factory.Services.CreateAsyncScope();
        var issuer = duty.ServiceProvider.GetRequiredService<PaymentRequestIssuer>();
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < unitIds.Count; i++)
            {
                var roll = unitDice[i].Next(100);
                if (roll < 45)
                {
                    var amount = (unitDice[i].Next(1, 120_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                    var paid = await payments.RecordAsync(new PaymentInput { UnitId = unitIds[i], Amount = amount, Method = PaymentMethod.Cash });
                    Assert.True(paid.Ok, Describe(seed, i, round, history[i]) + string.Join(",", paid.Errors.Values));
                    unreversed[i].Add(paid.PaymentId!.Value);
                    history[i].Add($"pay {amount} (#{paid.PaymentId})");
                }
                else if (roll < 65 && unreversed[i].Count > 0)
                {
                    var which = unitDice[i].Next(unreversed[i].Count);
                    var paymentId = unreversed[i][which];
                    unreversed[i].RemoveAt(which);
                    var reversed = await payments.ReverseAsync(paymentId, "随机冲销");
                    Assert.True(reversed.Ok, Describe(seed, i, round, history[i]) + string.Join(",", reversed.Errors.Values));
                    history[i].Add($"reverse #{paymentId}");
                }
            }
            if (dice.Next(100) < 40 && month.Year == firstMonth.Year)
            {
                await issuer.IssueAsync(month, CancellationToken.None);
                foreach (var steps in history)
                    steps.Add($"issue {month:yyyy-MM}");
                month = month.AddMonths(1);
            }
            await CheckAsync(factory, seed, round, unitIds, history);
        }
    }

    private static string Describe(int seed, int unit, int round, List<string> steps) =>
        $"seed {seed}, sequence {unit}, round {round}: {string.Join("; ", steps)} — ";

    private static async Task CheckAsync(AppFactory factory, int seed, int round, List<int> unitIds, List<string>[] history)
    {
        await using var db = await factory.CreateDbContextAsync();
        var payments = (await db.Payments.AsNoTracking().Include(p => p.Allocations).Where(p => unitIds.Contains(p.UnitId)).ToListAsync())
            .ToLookup(p => p.UnitId);
        var requests = (await db.PaymentRequests.AsNoTracking().Where(r => unitIds.Contains(r.UnitId)).ToListAsync()).ToLookup(r => r.UnitId);
        for (var i = 0; i < unitIds.Count; i++)
        {
            var why = Describe(seed, i, round, history[i]);
            var mine = payments[unitIds[i]].ToList();
            var received = mine.Where(p => p.ReversalOfId is null).Sum(p => p.Amount);
            var reversed = -mine.Where(p => p.ReversalOfId is not null).Sum(p => p.Amount);
            var allocations = mine.SelectMany(p => p.Allocations).ToList();
            var allocated = allocations.Sum(a => a.Amount);
            var credit = await Credit.OfAsync(db, unitIds[i], CancellationToken.None);

            Assert.True(received - reversed == allocated + credit, why + $"received {received} − reversed {reversed} ≠ allocated {allocated} + credit {credit}");
            Assert.True(credit >= 0, why + $"credit {credit}");
            foreach (var request in requests[unitIds[i]])
            {
                var toIt = allocations.Where(a => a.PaymentRequestId == request.Id).Sum(a => a.Amount);
                Assert.True(request.Paid >= 0 && request.Paid <= request.Total, why + $"{request.Month:yyyy-MM} paid {request.Paid} of {request.Total}");
                Assert.True(request.Paid == toIt, why + $"{request.Month:yyyy-MM} paid {request.Paid} but allocated {toIt}");
            }
            var owed = requests[unitIds[i]].Sum(r => r.Total - r.Paid);
            Assert.True(credit == 0 || owed == 0, why + $"credit {credit} kept while {owed} is owed");
            foreach (var reversal in mine.Where(p => p.ReversalOfId is not null))
            {
                var original = mine.Single(p => p.Id == reversal.ReversalOfId);
                var left = original.Allocations.Concat(reversal.Allocations).GroupBy(a => a.PaymentRequestId).Where(g => g.Sum(a => a.Amount) != 0).Select(g => g.Key);
                Assert.True(!left.Any(), why + $"reversed payment {original.ReceiptNumber} still pays requests {string.Join(",", left)}");
            }
        }
    }
}

public sealed class CreditInvariantTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public Task Credit_TwoHundredRandomSequencesOnSqlite_BooksBalanceAndNoRequestOverOrUnderPaid() =>
        CreditInvariant.RunAsync(factory, seed: 20261205, units: 200, rounds: 14);
}

[Collection(PostgresCollection.Name)]
public sealed class CreditInvariantPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Credit_RandomSequencesOnPostgres_BooksBalanceAndNoRequestOverOrUnderPaid()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("credit_" + Guid.NewGuid().ToString("N")[..8]),
        };

        await CreditInvariant.RunAsync(factory, seed: 20261206, units: 6, rounds: 14);
    }
}
