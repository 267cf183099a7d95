using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>The app with its clock stopped at Thursday 17 October 2030, 10:00 in Shanghai (02:00 UTC).</summary>
public sealed class LedgerAppFactory : AppFactory
{
    public static readonly DateTimeOffset Now = new(2030, 10, 17, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A private estate per test with one unit, and contacts written straight to the database at fixed times.</summary>
internal static class LedgerTesting
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>A wall-clock time in Shanghai, as the UTC instant it is stored as.</summary>
    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2030, month, day, hour, minute, 0, Shanghai).ToUniversalTime();

    public static DateOnly Day(int month, int day) => new(2030, month, day);

    public sealed record TestEstate(int EstateId, int UnitId, string UnitLabel);

    public static async Task<TestEstate> NewEstateAsync(this AppFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var name = "Ledger " + Guid.NewGuid().ToString("N")[..8];
        var unit = new Unit { Number = "1201", Floor = 12, Area = 88m };
        var estate = new Estate { Name = name, OfficeName = name + " office", Buildings = [new Building { Code = "T1", Name = "Tower 1", Units = [unit] }] };
        db.Estates.Add(estate);
        await db.SaveChangesAsync();
        return new TestEstate(estate.Id, unit.Id, "T1-1201");
    }

    public static ServiceRequest Contact(this TestEstate estate, RequestKind kind, DateTimeOffset receivedAt, string content,
        Channel channel = Channel.ServiceLine, bool withUnit = true) => new()
    {
        EstateId = estate.EstateId,
        Kind = kind,
        Channel = channel,
        UnitId = withUnit ? estate.UnitId : null,
        CallerName = "Mr Chen",
        Content = content,
        Status = RequestStatus.Open,
        ReceivedAt = receivedAt,
        TakenByName = "Wang Fang",
        Timeline = [new TimelineEntry { Kind = TimelineKind.Created, At = receivedAt, ActorName = "Wang Fang" }],
    };

    /// <summary>An inquiry answered at once, as the intake records it.</summary>
    public static ServiceRequest AnsweredNow(this ServiceRequest request)
    {
        request.RepliedAt = request.ReceivedAt;
        request.Status = RequestStatus.Closed;
        request.ClosedAt = request.ReceivedAt;
        request.Timeline.Add(new TimelineEntry { Kind = TimelineKind.Answered, At = request.ReceivedAt, ActorName = request.TakenByName });
        return request;
    }

    public static ServiceRequest Replied(this ServiceRequest request, DateTimeOffset at)
    {
        request.RepliedAt = at;
        request.RepliedLate = request.DueAt is { } due && at > due;
        request.Status = RequestStatus.Closed;
        request.ClosedAt = at;
        request.Timeline.Add(new TimelineEntry { Kind = TimelineKind.Replied, At = at, ActorName = "Li Na", Late = request.RepliedLate });
        return request;
    }

    public static ServiceRequest Agreed(this ServiceRequest request, DateTimeOffset agreedAt)
    {
        request.AgreedReplyAt = agreedAt;
        request.DueAt = agreedAt;
        return request;
    }

    public static async Task SeedAsync(this AppFactory factory, params ServiceRequest[] requests)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.ServiceRequests.AddRange(requests);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs in a scope of the app as the demo user of the role, the way a circuit does.</summary>
    public static async Task<T> InEnglishAsync<T>(Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
