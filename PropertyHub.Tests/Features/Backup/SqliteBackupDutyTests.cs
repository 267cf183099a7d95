using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Backup;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Backup;

public sealed class SqliteBackupDutyTests : IDisposable
{
    private readonly AppFactory factory = new();

    public void Dispose() => factory.Dispose();

    private SqliteBackupDuty Duty() =>
        (SqliteBackupDuty)factory.Services.GetServices<IScheduledDuty>().Single(d => d.Name == SqliteBackupDuty.DutyName);

    [Fact]
    public async Task Backup_OnlineCopy_IsAReadableDatabaseWithTheData()
    {
        _ = factory.NewClient();
        var duty = Duty();

        var count = await duty.RunAsync("2026-01-01", CancellationToken.None);

        Assert.Equal(1, count);
        var file = Path.Combine(duty.Folder, "propertyhub-2026-01-01.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Units";
        Assert.Equal(300L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Backup_SixteenNights_KeepsTheNewestFourteen()
    {
        _ = factory.NewClient();
        var duty = Duty();
        var nights = Enumerable.Range(1, 16).Select(d => new DateOnly(2026, 3, d).ToString("yyyy-MM-dd")).ToList();

        foreach (var night in nights)
            await duty.RunAsync(night, CancellationToken.None);

        var kept = Directory.GetFiles(duty.Folder, "propertyhub-2026-03-*.db").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(nights.Skip(2).Select(n => $"propertyhub-{n}.db"), kept);
        Assert.Empty(Directory.GetFiles(duty.Folder, "*.partial"));
    }

    [Fact]
    public void Backup_PeriodOfANight_IsTheLocalDate()
    {
        Assert.Equal("2026-11-27", Duty().PeriodOf(new DateTime(2026, 11, 27, 2, 30, 0)));
    }

    [Fact]
    public async Task ExtraBackup_OnDemandSixteenTimes_KeepsTheNightlyOnesAndTheNewestFourteenExtras()
    {
        _ = factory.NewClient();
        var duty = Duty();
        await duty.RunAsync("2026-03-01", CancellationToken.None);
        var extras = Enumerable.Range(1, 16).Select(m => duty.ExtraPeriod(new DateTime(2026, 3, 2, 10, m, 0))!).ToList();

        foreach (var extra in extras)
            await duty.RunAsync(extra, CancellationToken.None);

        Assert.Equal("extra-20260302-100100", extras[0]);
        Assert.Equal(["propertyhub-2026-03-01.db"], Directory.GetFiles(duty.Folder, "propertyhub-2026-*.db").Select(Path.GetFileName));
        var kept = Directory.GetFiles(duty.Folder, "propertyhub-extra-*.db").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(extras.Skip(2).Select(e => $"propertyhub-{e}.db"), kept);
    }

    [Fact]
    public async Task RunExtra_FromTheDutiesPage_WritesAnExtraBackupBesideTheNightsRun()
    {
        _ = factory.NewClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var overview = scope.ServiceProvider.GetRequiredService<DutiesOverview>();
        var nightly = await overview.RunNowAsync(SqliteBackupDuty.DutyName);

        var extra = await overview.RunExtraAsync(SqliteBackupDuty.DutyName);

        Assert.Equal(RunOutcome.Ran, nightly.Outcome);
        Assert.Equal(RunOutcome.Ran, extra.Outcome);
        Assert.StartsWith("extra-", extra.Period);
        Assert.True(File.Exists(Path.Combine(Duty().Folder, $"propertyhub-{extra.Period}.db")));
        Assert.True(File.Exists(Path.Combine(Duty().Folder, $"propertyhub-{nightly.Period}.db")));
        var row = (await overview.SnapshotAsync()).Duties.Single(d => d.Name == SqliteBackupDuty.DutyName);
        Assert.True(row.CanRunExtra);
    }
}
