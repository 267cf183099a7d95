using PropertyHub.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Settings;

public sealed class ServiceCalendarServiceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Save_UnknownTimeZone_IsRejectedAndNothingSaved()
    {
        var before = await CurrentAsync();
        var changed = Valid("Mars/Olympus_Mons");

        var result = await SaveAsync(before.EstateId, before.Version, changed);

        Assert.False(result.Saved);
        Assert.Equal("UnknownTimeZone", Assert.Single(result.Violations).MessageKey);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Save_ServiceLineOpensAfterCloses_IsRejectedAndNothingSaved()
    {
        var before = await CurrentAsync();
        var changed = Valid("Asia/Tokyo");
        changed.ServiceLineOpens = new(18, 0);
        changed.ServiceLineCloses = new(9, 0);

        var result = await SaveAsync(before.EstateId, before.Version, changed);

        Assert.False(result.Saved);
        Assert.Equal("ServiceLineOpensAfterCloses", Assert.Single(result.Violations).MessageKey);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Save_CounterOpensAtClosingTime_IsRejected()
    {
        var before = await CurrentAsync();
        var changed = Valid("Asia/Tokyo");
        changed.CounterCloses = changed.CounterOpens;

        var result = await SaveAsync(before.EstateId, before.Version, changed);

        Assert.Equal("CounterOpensAfterCloses", Assert.Single(result.Violations).MessageKey);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Save_StaleVersion_ReportsConflictAndKeepsTheOtherChange()
    {
        var before = await CurrentAsync();
        var first = await SaveAsync(before.EstateId, before.Version, Valid("Asia/Hong_Kong"));
        Assert.True(first.Saved);

        var second = await SaveAsync(before.EstateId, before.Version, Valid("Asia/Taipei"));

        Assert.False(second.Saved);
        Assert.True(second.Conflict);
        Assert.Equal("Asia/Hong_Kong", second.Current!.Calendar.TimeZoneId);
        Assert.Equal("Asia/Hong_Kong", (await CurrentAsync()).Calendar.TimeZoneId);
    }

    [Fact]
    public async Task Save_ValidCalendar_IsStoredAndServiceLineOpensAtNineLocal()
    {
        var before = await CurrentAsync();
        var changed = Valid("Asia/Tokyo");
        changed.ServiceLineOpens = new(9, 0);
        changed.ServiceLineCloses = new(18, 0);
        changed.ComplaintLineAllDay = false;

        var result = await SaveAsync(before.EstateId, before.Version, changed);

        Assert.True(result.Saved);
        var after = await CurrentAsync();
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("Asia/Tokyo", after.Calendar.TimeZoneId);
        Assert.False(after.Calendar.ComplaintLineAllDay);
        Assert.Equal(new TimeOnly(18, 0), after.Calendar.ServiceLineCloses);

        // Tokyo is UTC+9 all year: 09:00 local is 00:00 UTC.
        var nineLocal = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.False(await IsOpenAsync(before.EstateId, nineLocal.AddMinutes(-1)));
        Assert.True(await IsOpenAsync(before.EstateId, nineLocal));
        Assert.True(await IsOpenAsync(before.EstateId, nineLocal.AddHours(9).AddMinutes(-1)));
        Assert.False(await IsOpenAsync(before.EstateId, nineLocal.AddHours(9)));
    }

    [Fact]
    public void TimeZoneIds_ContainIanaZonesOnly()
    {
        Assert.Contains("Asia/Shanghai", ServiceCalendarRules.TimeZoneIds);
        Assert.True(ServiceCalendarRules.IsKnownTimeZone("Asia/Hong_Kong"));
        Assert.False(ServiceCalendarRules.IsKnownTimeZone("China Standard Time"));
        Assert.False(ServiceCalendarRules.IsKnownTimeZone(""));
    }

    private static ServiceCalendar Valid(string zone) => new()
    {
        TimeZoneId = zone,
        CounterOpens = new(8, 30),
        CounterCloses = new(17, 30),
        ServiceLineOpens = new(9, 0),
        ServiceLineCloses = new(21, 0),
        RepairHotlineAllDay = true,
        ComplaintLineAllDay = true,
    };

    private async Task AssertUnchangedAsync(EstateCalendar before)
    {
        await using var db = await factory.CreateDbContextAsync();
        var stored = await db.Estates.AsNoTracking().SingleAsync(e => e.Id == before.EstateId);
        Assert.Equal(before.Version, stored.Version);
        Assert.Equal(before.Calendar.TimeZoneId, stored.Calendar.TimeZoneId);
        Assert.Equal(before.Calendar.ServiceLineOpens, stored.Calendar.ServiceLineOpens);
        Assert.Equal(before.Calendar.CounterCloses, stored.Calendar.CounterCloses);
    }

    private async Task<EstateCalendar> CurrentAsync()
    {
        IReadOnlyList<EstateCalendar>? all = null;
        await factory.WithScopeAsync(async sp => all = await sp.GetRequiredService<ServiceCalendarService>().ListAsync());
        return all![0];
    }

    private async Task<CalendarSaveResult> SaveAsync(int estateId, int version, ServiceCalendar calendar)
    {
        CalendarSaveResult? result = null;
        await factory.AsAsync(Roles.Admin, async sp => result = await sp.GetRequiredService<ServiceCalendarService>().SaveAsync(estateId, version, calendar));
        return result!;
    }

    private async Task<bool> IsOpenAsync(int estateId, DateTimeOffset at)
    {
        var open = false;
        await factory.WithScopeAsync(async sp => open = await sp.GetRequiredService<ServiceCalendarService>().IsServiceLineOpenAsync(estateId, at));
        return open;
    }
}
