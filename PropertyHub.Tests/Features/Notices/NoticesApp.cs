using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Testing;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>The app on its own database with a fake clock, a local SMTP server and a local SMS gateway.</summary>
public sealed class NoticesApp : IAsyncLifetime
{
    private static int phoneCounter;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero));
    public AppFactory Factory { get; } = new();
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public LocalSmtpServer Smtp { get; } = new();
    public LocalSmsGateway Gateway { get; } = new();
    public int EstateId { get; private set; }
    public int BuildingId { get; private set; }
    public int UnitId { get; private set; }

    public async Task InitializeAsync()
    {
        Smtp.Start();
        Factory.Settings["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        Factory.Settings["Smtp:FromName"] = "物业服务中心";
        Factory.Settings["Sms:Url"] = Gateway.Url;
        Factory.Settings["Sms:BodyTemplate"] = """{"mobile":"{phone}","content":"{text}","sign":"物业"}""";
        Factory.Settings["Sms:Headers:X-Api-Key"] = "test-key";
        Factory.Settings["Sms:TimeoutSeconds"] = "1";
        App = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = App.Services;
        await using var db = await CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
        EstateId = unit.Building!.EstateId;
        BuildingId = unit.BuildingId;
        UnitId = unit.Id;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        Gateway.Dispose();
    }

    public async Task<AppDbContext> CreateDbContextAsync()
    {
        var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs service code as the demo user of a role, as a circuit would.</summary>
    public async Task<T> InScopeAs<T>(string role, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        return await action(scope.ServiceProvider);
    }

    public Task<DeliveryResult> DeliverAsync() => InScope(sp => sp.GetRequiredService<NoticeDelivery>().DeliverDueAsync());

    /// <summary>A delivery whose e-mail goes to the given port (a server that is down or started later).</summary>
    public Task<DeliveryResult> DeliverThroughSmtpPortAsync(int port) => InScope(sp =>
    {
        var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var options = Options.Create(new SmtpOptions { Host = smtp.Host, Port = port, From = smtp.From, TimeoutSeconds = 5 });
        var senders = new INoticeSender[] { new EmailSender(options, sp.GetRequiredService<NoticeLinks>()), ActivatorUtilities.CreateInstance<SmsSender>(sp) };
        var delivery = new NoticeDelivery(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), senders, sp.GetRequiredService<Permissions>(), Clock,
            sp.GetRequiredService<ILogger<NoticeDelivery>>());
        return delivery.DeliverDueAsync();
    });

    public static string NewEmail() => $"o{Guid.NewGuid():N}@example.test";

    public static string NewMobile() => "139" + Interlocked.Increment(ref phoneCounter).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A new occupant of the first unit with the given contacts.</summary>
    public async Task<Occupant> AddOccupantAsync(string? email = null, string? phone = null, string language = "zh-Hans", string name = "王小明")
    {
        await using var db = await CreateDbContextAsync();
        var occupant = new Occupant { UnitId = UnitId, Name = name, Email = email, Phone = phone, PreferredLanguage = language };
        db.Occupants.Add(occupant);
        await db.SaveChangesAsync();
        return occupant;
    }

    public static NoticeText Text(CultureInfo culture) => culture.Name switch
    {
        "zh-Hant" => new("業戶評議表", "尊敬的業戶：請填寫本季度評議表。"),
        "en" => new("Evaluation form", "Dear occupant, please fill in this quarter's form."),
        _ => new("业户评议表", "尊敬的业户：请填写本季度评议表，谢谢！\"引号\"与换行\n第二行"),
    };

    /// <summary>Puts the occupant's notices in the outbox and saves them, as a caller would in its own transaction.</summary>
    public async Task<List<Notice>> AddNoticesAsync(Occupant occupant, string? sourceKey = null)
    {
        await using var db = await CreateDbContextAsync();
        var added = NoticeOutbox.AddForOccupant(db, occupant, new NoticePlace(EstateId, BuildingId), "survey",
            sourceKey ?? $"survey:2026-Q4:{Guid.NewGuid():N}", Text, Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return added.ToList();
    }

    public async Task<Notice> LoadAsync(int id)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id);
    }
}
