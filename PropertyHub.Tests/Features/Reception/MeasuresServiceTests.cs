using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Measures;
using static PropertyHub.Tests.Features.Reception.LedgerTesting;

namespace PropertyHub.Tests.Features.Reception;

public sealed class MeasuresServiceTests(LedgerAppFactory factory) : IClassFixture<LedgerAppFactory>
{
    /// <summary>
    /// Two weeks (7–13 and 14–16 October; "now" is the 17th, 10:00) with known outcomes: 3 of 4 due agreed
    /// inquiries answered in time, 1 of 3 due complaints within 72 h, replies after 1, 2, 3, 5, 10 and 80 hours.
    /// </summary>
    private async Task<ReceptionMeasures> SeedAndComputeAsync()
    {
        var estate = await factory.NewEstateAsync();
        ServiceRequest Inquiry(int day, int hour, int agreedAfter, int repliedAfter)
        {
            var at = Local(10, day, hour);
            return estate.Contact(RequestKind.Inquiry, at, "Agreed inquiry").Agreed(at.AddHours(agreedAfter)).Replied(at.AddHours(repliedAfter));
        }
        ServiceRequest Complaint(int day, int hour, int? repliedAfter, Department? department = null)
        {
            var at = Local(10, day, hour);
            var c = estate.Contact(RequestKind.Complaint, at, "Complaint", Channel.ComplaintLine);
            c.DueAt = at.AddHours(72);
            c.Department = department;
            return repliedAfter is { } h ? c.Replied(at.AddHours(h)) : c;
        }
        var pending = estate.Contact(RequestKind.Inquiry, Local(10, 16, 15), "Agreed for Friday").Agreed(Local(10, 18, 10));
        var repair = estate.Contact(RequestKind.Repair, Local(10, 15, 11), "Tap dripping", Channel.RepairHotline);
        repair.Department = Department.Engineering;
        await factory.SeedAsync(
            // Week of 7 October.
            Inquiry(8, 9, agreedAfter: 2, repliedAfter: 1),
            Inquiry(9, 9, agreedAfter: 2, repliedAfter: 2), // exactly at the agreed time: on time
            Complaint(7, 10, repliedAfter: null), // 72 h passed with no reply
            Complaint(10, 9, repliedAfter: 10, Department.Engineering),
            Complaint(8, 8, repliedAfter: 80),
            estate.Contact(RequestKind.Inquiry, Local(10, 11, 10), "Answered at the counter", Channel.Counter).AnsweredNow(),
            // Week of 14 October, up to the 16th.
            Inquiry(14, 9, agreedAfter: 4, repliedAfter: 3),
            Inquiry(15, 9, agreedAfter: 4, repliedAfter: 5), // late
            Complaint(16, 12, repliedAfter: null), // 72 h not yet passed
            pending,
            repair,
            // Outside the range: the 6th, 23:30 and the 17th, 00:30 in Shanghai.
            estate.Contact(RequestKind.Complaint, Local(10, 6, 23, 30), "Before").Replied(Local(10, 7, 1)),
            estate.Contact(RequestKind.Inquiry, Local(10, 17, 0, 30), "After").Agreed(Local(10, 17, 1)));

        ReceptionMeasures? measures = null;
        await factory.WithScopeAsync(async sp =>
            measures = await sp.GetRequiredService<MeasuresService>().ComputeAsync(estate.EstateId, Day(10, 7), Day(10, 16)));
        return measures!;
    }

    [Fact]
    public async Task Compute_KnownMix_SharesAgainstTheirDeadlines()
    {
        var m = await SeedAndComputeAsync();

        Assert.Equal(new Share(3, 4, 1), m.InquiriesOnTime);
        Assert.Equal(0.75, m.InquiriesOnTime.Value);
        Assert.Equal(new Share(1, 3, 1), m.ComplaintsInTime);
        Assert.Equal(72, m.ComplaintHours);
    }

    [Fact]
    public async Task Compute_ReplyTimes_MedianAndNearestRankP90_LeaveOutAnswersOnTheSpot()
    {
        var m = await SeedAndComputeAsync();

        Assert.Equal(6, m.Replied);
        Assert.Equal(TimeSpan.FromHours(4), m.MedianReply); // (3 h + 5 h) / 2
        Assert.Equal(TimeSpan.FromHours(80), m.P90Reply);
    }

    [Fact]
    public async Task Compute_Counts_ByKindChannelAndDepartment()
    {
        var m = await SeedAndComputeAsync();

        Assert.Equal(11, m.Total);
        Assert.Equal([(RequestKind.Inquiry, 6), (RequestKind.Complaint, 4), (RequestKind.Repair, 1)], m.ByKind.Select(c => (c.Key, c.Value)));
        Assert.Equal([(Channel.ServiceLine, 5), (Channel.ComplaintLine, 4), (Channel.Counter, 1), (Channel.RepairHotline, 1)],
            m.ByChannel.Select(c => (c.Key, c.Value)));
        Assert.Equal([(Department.CustomerService, 9), (Department.Engineering, 2)], m.ByDepartment.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public async Task Compute_Weeks_BucketByLocalMonday()
    {
        var m = await SeedAndComputeAsync();

        Assert.Equal([
            (Day(10, 7), 3, 3, new Share(2, 2, 0)),
            (Day(10, 14), 1, 3, new Share(1, 2, 1)),
        ], m.Weeks.Select(w => (w.Monday, w.Complaints, w.Inquiries, w.InquiriesOnTime)));
    }

    [Fact]
    public void Percentiles_OddAndEvenCounts()
    {
        var hours = (int[] h) => h.Select(x => TimeSpan.FromHours(x)).ToList();

        Assert.Null(Percentiles.Median([]));
        Assert.Equal(TimeSpan.FromHours(3), Percentiles.Median(hours([1, 2, 3, 4, 10])));
        Assert.Equal(TimeSpan.FromHours(10), Percentiles.NearestRank(hours([1, 2, 3, 4, 10]), 0.9));
        Assert.Equal(TimeSpan.FromHours(9), Percentiles.NearestRank(hours([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.9));
        Assert.Equal(TimeSpan.FromHours(1), Percentiles.NearestRank(hours([1]), 0.9));
    }
}
