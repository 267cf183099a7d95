using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Surveys;

/// <summary>
/// Takes answers, online through a personal link or typed in from paper by a clerk. The answer, its scores, a
/// rectification for every item scored 1 or 2 (P1§11.3) and a follow-up when the occupant wrote something (P1§11.4)
/// are saved together or not at all; a form is answered once.
/// </summary>
public sealed class SurveyAnswers(
    IDbContextFactory<AppDbContext> dbFactory,
    PersonalLinkService links,
    CurrentActor actor,
    Permissions permissions,
    EstateTime estateTime,
    TimeProvider clock,
    IOptions<SurveyOptions> options)
{
    public async Task<SurveyForm?> FormAsync(int surveyId, string culture, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Surveys.AsNoTracking().Where(s => s.Id == surveyId)
            .Select(s => new
            {
                Survey = s,
                Unit = db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
                Occupant = db.Occupants.Where(o => o.Id == s.OccupantId).Select(o => new { o.Name, o.PreferredLanguage }).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
            return null;
        var items = await ItemsAsync(db, row.Survey.TemplateId, ct);
        return new SurveyForm(row.Survey.Id, row.Survey.Version, row.Survey.Quarter, row.Unit, row.Occupant.Name, row.Occupant.PreferredLanguage,
            row.Survey.Status, row.Survey.AnsweredVia, items.Select(i => new SurveyFormItem(i.Id, i.Code, i.NameIn(culture))).ToList());
    }

    /// <summary>The answer of an occupant through their link. The link must be valid; it is spent by the answer.</summary>
    public async Task<AnswerResult> AnswerOnlineAsync(string token, SurveyAnswer answer, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.AnswerSurveys, ct))
            return AnswerResult.Fail("NotAllowed");
        var resolved = await links.ResolveAsync(token, LinkPurpose.Survey, ct);
        if (resolved.State != LinkState.Valid)
            return AnswerResult.Fail($"Link_{resolved.State}");
        return await SaveAsync(resolved.Link!.SubjectId, answer, AnswerChannel.Online, enteredBy: null, resolved.Link.Id, ct);
    }

    /// <summary>A paper form typed in by a clerk.</summary>
    public async Task<AnswerResult> AnswerPaperAsync(int surveyId, SurveyAnswer answer, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EnterPaperForms, ct))
            return AnswerResult.Fail("NotAllowed");
        var who = await actor.GetAsync();
        return await SaveAsync(surveyId, answer, AnswerChannel.Paper, who.Name, linkId: null, ct);
    }

    /// <summary>The form issued to a unit ("1-1201" or "1201" when the number is unique) in a quarter, for paper entry.</summary>
    /// <summary>The estates paper forms can be typed in for, first (the home estate) first.</summary>
    public async Task<IReadOnlyList<PaperEstate>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.AsNoTracking().OrderBy(e => e.Id).Select(e => new PaperEstate(e.Id, e.Name)).ToListAsync(ct);
    }

    /// <summary>The form issued to a unit ("1-1201", or "1201" when that is unique) in a quarter; only in one estate when given.</summary>
    public async Task<(SurveyForm? Form, string? Error)> FindForPaperAsync(string unit, string quarter, string culture, int? estateId = null,
        CancellationToken ct = default)
    {
        var text = TypedText.Digits(unit) ?? "";
        if (TypedText.HasOtherDigits(text))
            return (null, "UnitDigitsNotAscii");
        var dash = text.IndexOf('-');
        var (code, number) = dash > 0 ? (text[..dash], text[(dash + 1)..]) : (null, text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Surveys.AsNoTracking()
            .Where(s => s.Quarter == quarter && (estateId == null || s.EstateId == estateId))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, u.Number, u.Building!.Code })
            .Where(x => x.Number == number && (code == null || x.Code == code))
            .Select(x => x.Id).Take(2).ToListAsync(ct);
        return ids.Count switch
        {
            0 => (null, "NoFormForUnit"),
            > 1 => (null, "UnitAmbiguous"),
            _ => (await FormAsync(ids[0], culture, ct), null),
        };
    }

    private async Task<AnswerResult> SaveAsync(int surveyId, SurveyAnswer answer, string channel, string? enteredBy, int? linkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return AnswerResult.Fail("FormNotFound");
        if (survey.Status == SurveyStatus.Answered)
            return AnswerResult.Fail("AlreadyAnswered");
        var items = await ItemsAsync(db, survey.TemplateId, ct);
        var invalid = Validate(answer, items);
        if (!invalid.Ok)
            return invalid;

        var now = clock.GetUtcNow();
        var comment = Clean(answer.Comment);
        var suggestion = Clean(answer.Suggestion);
        survey.Status = SurveyStatus.Answered;
        survey.AnsweredAt = now;
        survey.AnsweredVia = channel;
        survey.EnteredBy = enteredBy;
        survey.Comment = comment;
        survey.Suggestion = suggestion;
        survey.Scores = items.Select(i => new SurveyScore { ItemId = i.Id, Score = answer.Scores[i.Id]!.Value }).ToList();
        var due = estateTime.LocalDate(survey.EstateId, now).AddDays(options.Value.RectificationDays);
        foreach (var (item, score) in items.Zip(survey.Scores).Where(p => p.Second.Score <= 2))
        {
            db.Rectifications.Add(new Rectification
            {
                SurveyScore = score,
                SurveyId = survey.Id,
                ItemId = item.Id,
                EstateId = survey.EstateId,
                BuildingId = survey.BuildingId,
                UnitId = survey.UnitId,
                Quarter = survey.Quarter,
                Score = score.Score,
                Department = item.Department,
                DueDate = due,
                Status = RectificationStatus.Open,
                CreatedAt = now,
            });
        }
        if (comment is not null || suggestion is not null)
        {
            db.FollowUps.Add(new FollowUp
            {
                SurveyId = survey.Id,
                EstateId = survey.EstateId,
                UnitId = survey.UnitId,
                OccupantId = survey.OccupantId,
                Quarter = survey.Quarter,
                Opinion = string.Join("\n", new[] { suggestion, comment }.Where(t => t is not null)),
                Status = FollowUpStatus.Open,
                CreatedAt = now,
            });
        }
        if (linkId is not null)
        {
            var link = await db.PersonalLinks.SingleAsync(l => l.Id == linkId, ct);
            link.UsedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return AnswerResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same form was answered a moment ago (a double submit, or paper and online at once).
            return AnswerResult.Fail("AlreadyAnswered");
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return AnswerResult.Fail("AlreadyAnswered");
        }
    }

    private static AnswerResult Validate(SurveyAnswer answer, IReadOnlyList<SurveyItem> items)
    {
        var errors = new Dictionary<int, string>();
        foreach (var item in items)
        {
            if (!answer.Scores.TryGetValue(item.Id, out var score) || score is null)
                errors[item.Id] = "ScoreRequired";
            else if (score is < 1 or > 5)
                errors[item.Id] = "ScoreOutOfRange";
        }
        if (answer.Scores.Keys.Any(id => items.All(i => i.Id != id)))
            return new AnswerResult("UnknownItem", errors);
        if (Clean(answer.Comment)?.Length > SurveyAnswer.MaxText || Clean(answer.Suggestion)?.Length > SurveyAnswer.MaxText)
            return new AnswerResult("TextTooLong", errors);
        return errors.Count == 0 ? AnswerResult.Saved : new AnswerResult(null, errors);
    }

    private static string? Clean(string? text) => TypedText.Text(text);

    /// <summary>The template's items a form asks, in order (archived items are no longer asked).</summary>
    private static Task<List<SurveyItem>> ItemsAsync(AppDbContext db, int templateId, CancellationToken ct) =>
        db.SurveyItems.AsNoTracking().Where(i => i.TemplateId == templateId && !i.IsArchived)
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
}
