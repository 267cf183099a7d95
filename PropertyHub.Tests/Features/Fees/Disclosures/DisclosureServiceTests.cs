using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Fees.Disclosures;

/// <summary>Finance's expenditure lines, the Manager's approval and publishing, the frozen published statement and its correction.</summary>
public sealed class DisclosureServiceTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int id;
    private int estateId;

    public async Task InitializeAsync()
    {
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H2"), CancellationToken.None));
        await using var db = await factory.CreateDbContextAsync();
        (id, estateId) = await db.Disclosures.OrderBy(d => d.EstateId).Select(d => ValueTuple.Create(d.Id, d.EstateId)).FirstAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<DisclosureResult> AsAsync(string role, Func<DisclosureService, int, Task<DisclosureResult>> work)
    {
        DisclosureResult result = null!;
        await factory.AsAsync(role, async sp => result = await work(sp.GetRequiredService<DisclosureService>(), await VersionAsync()));
        return result;
    }

    private async Task<int> VersionAsync(int? of = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Disclosures.Where(d => d.Id == (of ?? id)).Select(d => d.Version).SingleAsync();
    }

    private async Task<Disclosure> LoadAsync(int? of = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Disclosures.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Id == (of ?? id));
    }

    private Task<DisclosureResult> AddAsync(string amount, string category = "staff", string? note = null, string role = Roles.Finance) =>
        AsAsync(role, (s, v) => s.AddExpenditureAsync(id, v, new ExpenditureInput { Category = category, Amount = amount, Note = note }));

    private Task<DisclosureResult> ApproveAsync(string role = Roles.Manager) => AsAsync(role, (s, v) => s.ApproveAsync(id, v));

    private Task<DisclosureResult> PublishAsync(string role = Roles.Manager) => AsAsync(role, (s, v) => s.PublishAsync(id, v));

    [Theory]
    [InlineData("-5", "AmountNegative")]
    [InlineData("12.345", "AmountTooManyDecimals")]
    [InlineData("twelve", "AmountNotNumber")]
    [InlineData("", "AmountRequired")]
    public async Task AddExpenditure_BadAmount_MessageAndNothingWritten(string amount, string message)
    {
        var before = await VersionAsync();

        var result = await AddAsync(amount);

        Assert.Equal(message, result.Errors["Amount"]);
        Assert.DoesNotContain((await LoadAsync()).Lines, l => l.Kind == DisclosureLineKind.Expenditure);
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task AddExpenditure_UnknownCategory_Refused()
    {
        var result = await AddAsync("10", category: "parties");

        Assert.Equal("CategoryRequired", result.Errors["Category"]);
        Assert.Empty((await LoadAsync()).Lines);
    }

    [Fact]
    public async Task Expenditure_AddEditRemove_SavedByCategoryWithNote()
    {
        Assert.True((await AddAsync("12000.50", "staff", "Six staff")).Ok);
        Assert.True((await AddAsync("3,000", "security")).Errors.ContainsKey("Amount"));
        Assert.True((await AddAsync("800", "public-energy")).Ok);
        var lines = (await LoadAsync()).Lines.OrderBy(l => l.Order).ToList();
        var edit = await AsAsync(Roles.Finance, (s, v) => s.EditExpenditureAsync(id, v, lines[0].Id, new ExpenditureInput { Category = "cleaning-greening", Amount = "9000", Note = " Contract " }));
        var remove = await AsAsync(Roles.Finance, (s, v) => s.RemoveExpenditureAsync(id, v, lines[1].Id));

        Assert.True(edit.Ok && remove.Ok);
        var line = Assert.Single((await LoadAsync()).Lines);
        Assert.Equal((DisclosureLineKind.Expenditure, "cleaning-greening", 9000m, "Contract"), (line.Kind, line.Category, line.Amount, line.Note));
    }

    [Fact]
    public async Task Change_StaleVersion_ConflictAndNothingWritten()
    {
        var stale = await VersionAsync();
        Assert.True((await AddAsync("100")).Ok);

        DisclosureResult result = null!;
        await factory.AsAsync(Roles.Finance, async sp => result = await sp.GetRequiredService<DisclosureService>()
            .AddExpenditureAsync(id, stale, new ExpenditureInput { Category = "other", Amount = "5" }));

        Assert.Equal("ConcurrencyConflict", result.Error);
        Assert.Single((await LoadAsync()).Lines);
    }

    [Fact]
    public async Task Roles_ManagerCannotWriteLinesFinanceCannotApproveOrPublish()
    {
        var managerAdds = await AddAsync("100", role: Roles.Manager);
        var financeApproves = await ApproveAsync(Roles.Finance);
        var clerkNotes = await AsAsync(Roles.Clerk, (s, v) => s.SetNotesAsync(id, v, "x"));
        Assert.True((await ApproveAsync()).Ok);
        var financePublishes = await PublishAsync(Roles.Finance);

        Assert.Equal(["NotAllowed", "NotAllowed", "NotAllowed", "NotAllowed"], new[] { managerAdds, financeApproves, clerkNotes, financePublishes }.Select(r => r.Error));
        var d = await LoadAsync();
        Assert.Equal(DisclosureStatus.Approved, d.Status);
        Assert.Empty(d.Lines);
    }

    [Fact]
    public async Task Approve_ThenFinanceEdits_BackToDraft()
    {
        Assert.True((await ApproveAsync()).Ok);
        var approved = await LoadAsync();
        Assert.True((await AddAsync("250", "repairs-maintenance")).Ok);

        var d = await LoadAsync();
        Assert.Equal((DisclosureStatus.Approved, true), (approved.Status, approved.ApprovedBy is not null && approved.ApprovedAt is not null));
        Assert.Equal((DisclosureStatus.Draft, null, null), (d.Status, d.ApprovedBy, d.ApprovedAt));
    }

    [Fact]
    public async Task Publish_Draft_RefusedUntilApproved()
    {
        var result = await PublishAsync();

        Assert.Equal("NotApproved", result.Error);
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.Notices.AnyAsync(n => n.Kind == DisclosureService.NoticeKind));
    }

    [Fact]
    public async Task Publish_Twice_OnTheBoardAndOneNoticePerOccupantOnce()
    {
        Assert.True((await AddAsync("100", "office-admin")).Ok);
        Assert.True((await AsAsync(Roles.Finance, (s, v) => s.SetNotesAsync(id, v, "Audited by the owners' committee"))).Ok);
        Assert.True((await ApproveAsync()).Ok);

        var first = await PublishAsync();
        var second = await PublishAsync();

        Assert.True(first.Ok);
        Assert.Equal("AlreadyPublished", second.Error);
        await using var db = await factory.CreateDbContextAsync();
        var key = DisclosureService.SourceKey(estateId, "2026-H2", 1);
        var notices = await db.Notices.Where(n => n.Kind == "disclosure").ToListAsync();
        Assert.All(notices, n => Assert.Equal(key, n.SourceKey));
        var board = Assert.Single(notices, n => n.Channel == NoticeChannel.Board);
        Assert.Contains("Audited by the owners' committee", board.Body);
        var occupants = await db.Occupants.Where(o => o.Unit!.Building!.EstateId == estateId).Select(o => o.Id).ToListAsync();
        var reached = notices.Where(n => n.Channel != NoticeChannel.Board).GroupBy(n => n.OccupantId).ToList();
        Assert.Equal(occupants.Order(), reached.Select(g => g.Key!.Value).Order());
        Assert.All(reached, g => Assert.Equal(g.Count(), g.Select(n => n.Channel).Distinct().Count()));
        var d = await LoadAsync();
        Assert.Equal(DisclosureStatus.Published, d.Status);
        Assert.NotNull(d.PublishedAt);
    }

    [Fact]
    public async Task Publish_TwoAtOnce_OnePublishesNoticesOnce()
    {
        Assert.True((await ApproveAsync()).Ok);
        var version = await VersionAsync();

        async Task<DisclosureResult> Publish()
        {
            DisclosureResult result = null!;
            await factory.AsAsync(Roles.Manager, async sp => result = await sp.GetRequiredService<DisclosureService>().PublishAsync(id, version));
            return result;
        }
        var results = await Task.WhenAll(Publish(), Publish());

        Assert.Single(results, r => r.Ok);
        Assert.Contains(results.Single(r => !r.Ok).Error, new[] { "AlreadyPublished", "ConcurrencyConflict" });
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Notices.CountAsync(n => n.Kind == "disclosure" && n.Channel == NoticeChannel.Board));
        var perOccupant = await db.Notices.Where(n => n.Kind == "disclosure" && n.OccupantId != null)
            .GroupBy(n => new { n.OccupantId, n.Channel }).Select(g => g.Count()).ToListAsync();
        Assert.All(perOccupant, c => Assert.Equal(1, c));
    }

    [Fact]
    public async Task Published_Frozen_EveryChangeRefusedAndCorrectionIsNewRevision()
    {
        Assert.True((await AddAsync("100", "security")).Ok);
        Assert.True((await ApproveAsync()).Ok);
        Assert.True((await PublishAsync()).Ok);
        var published = await LoadAsync();
        var line = published.Lines.Single();

        var refused = new[]
        {
            await AddAsync("5"),
            await AsAsync(Roles.Finance, (s, v) => s.EditExpenditureAsync(id, v, line.Id, new ExpenditureInput { Category = "security", Amount = "1" })),
            await AsAsync(Roles.Finance, (s, v) => s.RemoveExpenditureAsync(id, v, line.Id)),
            await AsAsync(Roles.Finance, (s, v) => s.SetNotesAsync(id, v, "changed")),
            await ApproveAsync(),
        };
        var correction = await AsAsync(Roles.Finance, (s, _) => s.CorrectAsync(id));
        var again = await AsAsync(Roles.Finance, (s, _) => s.CorrectAsync(id));

        Assert.All(refused, r => Assert.Equal("Frozen", r.Error));
        var after = await LoadAsync();
        Assert.Equal((published.Version, published.Status, published.Notes), (after.Version, after.Status, after.Notes));
        Assert.Equal(("security", 100m), (after.Lines.Single().Category, after.Lines.Single().Amount));
        Assert.True(correction.Ok);
        Assert.Equal("CorrectionExists", again.Error);
        var revision = await LoadAsync(correction.Id);
        Assert.Equal((2, DisclosureStatus.Draft, "2026-H2", estateId), (revision.Revision, revision.Status, revision.HalfYear, revision.EstateId));
        Assert.Equal(published.Lines.Select(l => (l.Kind, l.Category, l.Amount)), revision.Lines.OrderBy(l => l.Order).Select(l => (l.Kind, l.Category, l.Amount)));
        DisclosureResult edit = null!;
        await factory.AsAsync(Roles.Finance, async sp => edit = await sp.GetRequiredService<DisclosureService>()
            .AddExpenditureAsync(revision.Id, revision.Version, new ExpenditureInput { Category = "other", Amount = "5" }));
        Assert.True(edit.Ok);
    }
}
