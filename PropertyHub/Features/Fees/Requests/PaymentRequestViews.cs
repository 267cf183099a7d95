using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.PersonalLinks;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>A line of a request in its payer's language.</summary>
public sealed record RequestLineView(RequestLineKind Kind, string Label, decimal Amount);

/// <summary>A payment request as its payer sees it through the personal link.</summary>
public sealed record PaymentRequestView(string EstateName, string OfficeName, string Unit, string PayerName, string Language,
    DateOnly Month, DateOnly DueDate, IReadOnlyList<RequestLineView> Lines, decimal Total, decimal Paid, decimal Arrears)
{
    /// <summary>What is left to pay: this month's outstanding plus the arrears brought forward.</summary>
    public decimal ToPay => Total - Paid + Arrears;
}

public sealed class PaymentRequestViews(IDbContextFactory<AppDbContext> dbFactory, PersonalLinkService links)
{
    /// <summary>The request a link opens, or why it does not open. The figures are read now, so payments since show.</summary>
    public async Task<(LinkState State, PaymentRequestView? View)> ByTokenAsync(string? token, CancellationToken ct = default)
    {
        var resolved = await links.ResolveAsync(token, LinkPurpose.PaymentRequest, ct);
        if (resolved.State != LinkState.Valid)
            return (resolved.State, null);
        return (LinkState.Valid, await ByIdAsync(resolved.Link!.SubjectId, ct));
    }

    public async Task<PaymentRequestView?> ByIdAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.PaymentRequests.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
            return null;
        var head = await db.Units.AsNoTracking().Where(u => u.Id == request.UnitId)
            .Select(u => new { u.Number, u.Building!.Code, u.Building.Estate!.Name, u.Building.Estate.OfficeName }).SingleAsync(ct);
        var payer = await db.Occupants.AsNoTracking().Where(o => o.Id == request.OccupantId).Select(o => new { o.Name, o.PreferredLanguage }).SingleAsync(ct);
        var earlier = await db.PaymentRequests.AsNoTracking().Where(r => r.UnitId == request.UnitId && r.Month < request.Month)
            .Select(r => new { r.Total, r.Paid }).ToListAsync(ct);
        var items = await db.FeeItems.AsNoTracking().Where(i => i.EstateId == request.EstateId).ToDictionaryAsync(i => i.Id, ct);
        var culture = Notices.NoticeOutbox.CultureOf(payer.PreferredLanguage).Name;
        var lines = request.Lines.Where(l => l.Kind != RequestLineKind.Arrears).OrderBy(l => l.Id)
            .Select(l => new RequestLineView(l.Kind, RequestLineLabels.Label(l, items, culture, ""), l.Amount)).ToList();
        return new PaymentRequestView(head.Name, head.OfficeName, $"{head.Code}-{head.Number}", payer.Name, payer.PreferredLanguage,
            request.Month, request.DueDate, lines, request.Total, request.Paid, earlier.Sum(r => r.Total - r.Paid));
    }
}
