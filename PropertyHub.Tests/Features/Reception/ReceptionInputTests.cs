using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>What the clerk types at intake and on the queue is stored without invisible characters; phones as ASCII digits.</summary>
public sealed class ReceptionInputTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Log_BidiAndZeroWidthInTextFullWidthPhone_StoredCleanAndNormalised()
    {
        var result = await app.LogAsync(app.Complaint("\u202Eevil\u202C leak in\u200B the lobby") with
        {
            CallerName = "\u2066陈\u200D女士\u2069",
            Phone = "１３９００００９９４１",
            Remark = "\u200F",
        });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var stored = await app.LoadAsync(result.Request!.Id);
        Assert.Equal(("evil leak in the lobby", "陈女士", "13900009941"), (stored.Content, stored.CallerName, stored.Phone));
        Assert.Null(stored.Remark);
    }

    [Theory]
    [InlineData("١٣٩٠٠٠٠٩٩٤٢")]
    [InlineData("1390000994٢")]
    public async Task Log_ArabicIndicPhone_IsRefusedSayingSoAndLogsNothing(string phone)
    {
        var before = await app.CountRequestsAsync();

        var result = await app.LogAsync(app.Complaint() with { Phone = phone });

        Assert.False(result.Succeeded);
        var expected = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<IStringLocalizer<ReceptionText>>()["DigitsNotAscii"].Value));
        Assert.Equal(expected, Assert.Single(result.Errors, e => e.Field == nameof(Intake.Phone)).Message);
        Assert.Equal(before, await app.CountRequestsAsync());
    }

    [Fact]
    public async Task Log_ContentOnlyInvisibleCharacters_IsRefusedAsEmpty()
    {
        var before = await app.CountRequestsAsync();

        var result = await app.LogAsync(app.Complaint("\u202E\u200B\u2066"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == nameof(Intake.Content));
        Assert.Equal(before, await app.CountRequestsAsync());
    }

    [Fact]
    public async Task NoteAndReply_BidiControls_AreRemovedBeforeTheyReachTheTimeline()
    {
        var item = await app.LogComplaintAsync();

        var noted = await app.ChangeAsync(s => s.AddNoteAsync(item.Id, item.Version, "\u202Eevil\u202C"));
        var empty = await app.ChangeAsync(s => s.AddNoteAsync(item.Id, noted.Request!.Version, "\u200B\u202E"));
        var replied = await app.ChangeAsync(s => s.ReplyAsync(item.Id, noted.Request!.Version, "已修复\u200B，\u2067谢谢\u2069", Channel.ServiceLine));

        Assert.True(noted.Succeeded);
        Assert.False(empty.Succeeded);
        Assert.True(replied.Succeeded);
        var stored = await app.LoadAsync(item.Id);
        Assert.Single(stored.Timeline, t => t.Kind == TimelineKind.Note && t.Text == "evil");
        Assert.Single(stored.Timeline, t => t.Kind == TimelineKind.Replied && t.Text == "已修复，谢谢");
    }

    [Fact]
    public async Task LedgerExport_FormulaTypedAtIntake_IsWrittenAsTextNoSpreadsheetEvaluates()
    {
        var formula = "=HYPERLINK(\"http://evil.example/\",\"点我\") " + Guid.NewGuid().ToString("N")[..6];
        var result = await app.LogAsync(app.Complaint(formula) with { Remark = "@SUM(1+1)" });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);

        var bytes = await app.InScope(sp => sp.GetRequiredService<LedgerService>().ExportAsync(app.EstateId, day.AddDays(-1), day.AddDays(1)));

        var cells = XlsxCells.Read(bytes);
        Assert.DoesNotContain(cells, c => c.Formula);
        XlsxCells.AssertPlainText(cells, formula);
    }
}
