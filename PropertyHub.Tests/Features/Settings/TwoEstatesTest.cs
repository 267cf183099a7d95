using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Answer;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Tests.Features.Fees;
using PropertyHub.Tests.Features.Fees.Books;
using PropertyHub.Tests.Features.Reception;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Settings;
/// <summary>
/// Two estates on two clocks: the demo estate in Asia/Shanghai (UTC+8, the configured default) and one in
/// Europe/London (UTC+0 in winter, +1 in summer). Every date and time of an estate is read on its own calendar's zone.
/// </summary>
public abstract class TwoEstatesTest : IAsyncLifetime
{
    protected readonly ClockedAppFactory factory = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    protected int shanghai, shanghaiUnit, london, londonUnit, londonBuilding, londonOccupant;

    public async Task InitializeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var demo = await db.Units.Include(u => u.Building).Where(u => u.Occupants.Any()).OrderBy(u => u.Id).FirstAsync();
        (shanghai, shanghaiUnit) = (demo.Building!.EstateId, demo.Id);
        var unit = new Unit { Number = "101", Floor = 1, Area = 60m, Occupants = [new Occupant { Name = "Ms Smith" }] };
        var estate = new Estate
        {
            Name = "Thames Court", OfficeName = "Thames Court office", Calendar = new() { TimeZoneId = "Europe/London" },
            Buildings = [new Building { Code = "L1", Name = "London 1", Units = [unit] }],
        };
        db.Estates.Add(estate);
        await db.SaveChangesAsync();
        (london, londonUnit, londonBuilding, londonOccupant) = (estate.Id, unit.Id, unit.BuildingId, unit.Occupants[0].Id);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    protected EstateTime Time => factory.Services.GetRequiredService<EstateTime>();
}
