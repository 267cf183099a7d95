using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Timeline;

/// <summary>
/// How an entry of the timeline reads, on screen and on paper, in the reader's language: what happened (a transfer with
/// its date, a payment request with its month, a survey answer with its score, a repair step from its phrase, a change
/// in words) and who did it (the system's own work named as such).
/// </summary>
public static class TimelineText
{
    public static string? What(TimelineEvent row, IStringLocalizer<OccupantFileText> text, IStringLocalizerFactory localizers)
    {
        if (row.Phrase is { } phrase && TimelinePhrases.Render(localizers, phrase) is { } said)
            return said;
        return row.Kind switch
        {
            // The audit trail's entity type, read as what was changed.
            TimelineEventKind.Change when row.Text is { } added && added.StartsWith(OccupantTimeline.AddedOccupant, StringComparison.Ordinal)
                => text["Entry.OccupantAdded", added[OccupantTimeline.AddedOccupant.Length..]],
            TimelineEventKind.Change when row.Text is { } entity && text["Changed." + entity] is { ResourceNotFound: false } label => label.Value,
            TimelineEventKind.Title when row.Day is { } from => text["Entry.Owner", row.Text ?? "", Day(from)],
            TimelineEventKind.PaymentRequest when row.Day is { } month => text["Entry.PaymentRequest", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)],
            TimelineEventKind.SurveyAnswer when row.Score is { } score => text["Entry.SurveyScore", row.Text ?? "", score.ToString("0.0", CultureInfo.InvariantCulture)],
            TimelineEventKind.SurveyAnswer => text["Entry.SurveyNoScore", row.Text ?? ""],
            _ => row.Text,
        };
    }

    /// <summary>Who: a person's name as recorded, or "system" in the reader's language for a scheduled duty's work.</summary>
    public static string? By(TimelineEvent row, IStringLocalizer<OccupantFileText> text) => ActorName(row.By, text);

    /// <summary>
    /// An actor's name as a reader sees it: the recorded name, or "System (scheduled duty)" in the reader's language for
    /// a scheduled duty's work. The occupant's timeline and the queue drawer's history both say it this way.
    /// </summary>
    public static string? ActorName(string? recorded, IStringLocalizer<OccupantFileText> text) =>
        recorded == Actor.System.Name ? text["BySystem"] : recorded;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
