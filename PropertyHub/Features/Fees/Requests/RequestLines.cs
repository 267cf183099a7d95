namespace PropertyHub.Features.Fees.Requests;

/// <summary>A unit's payment request for a month, made in memory: its lines, its total, and its arrears line.</summary>
internal static class RequestLines
{
    public static PaymentRequest Request(UnitToBill unit, IEnumerable<FeeItem> items, IEnumerable<PaidService> services, DateOnly month,
        DateOnly dueDate, DateTimeOffset now)
    {
        var request = new PaymentRequest
        {
            EstateId = unit.EstateId,
            BuildingId = unit.BuildingId,
            UnitId = unit.UnitId,
            OccupantId = unit.Payer.Id,
            Month = month,
            DueDate = dueDate,
            IssuedAt = now,
        };
        var days = month.AddMonths(1).AddDays(-1).Day;
        foreach (var item in items)
        {
            var quantity = item.Basis == FeeBasis.PerSquareMetre ? unit.Area : 1m;
            var breaks = unit.Owners.Skip(1).Select(o => o.From).Concat(unit.BilledFrom is { } from ? [from] : []);
            // Days before the move-in are not charged.
            var segments = FeeCalculator.Prorated(item.Basis, item.Rates, unit.Use, unit.Area, month, breaks)
                .Where(s => unit.BilledFrom is not { } start || s.From >= start).ToList();
            foreach (var segment in segments)
            {
                // A rate or an owner that changes inside the month gives one line per stretch, dated, so the payer can
                // check it; after a transfer each stretch names the owner who owned those days.
                var owner = unit.Owners.Count > 1 ? unit.Owners.Last(o => o.From <= segment.From) : null;
                var description = segments.Count == 1 && segment.Days == days
                    ? item.NameHans
                    : owner is null ? $"{item.NameHans} ({segment.From:MM-dd}–{segment.To:MM-dd})"
                    : $"{item.NameHans} ({segment.From:MM-dd}–{segment.To:MM-dd} {owner.Name})";
                request.Lines.Add(new PaymentRequestLine
                {
                    Kind = RequestLineKind.Fee, FeeItemId = item.Id, Description = description,
                    Quantity = quantity, Rate = segment.Rate.Amount, Amount = segment.Amount, OwnerId = owner?.OccupantId,
                });
            }
        }
        foreach (var service in services.OrderBy(s => s.ServiceDate).ThenBy(s => s.Id))
        {
            request.Lines.Add(new PaymentRequestLine
            {
                Kind = RequestLineKind.PaidService, Description = $"{service.ServiceType} ({service.ServiceDate:yyyy-MM-dd})", Phrase = service.TypePhrase,
                Quantity = 1, Rate = service.Price, Amount = service.Price,
            });
        }
        request.Total = request.Lines.Sum(l => l.Amount);
        // Arrears are shown as their own line; they stay owed on their own months' requests, so they are not in Total.
        if (unit.Arrears > 0)
            request.Lines.Add(new PaymentRequestLine { Kind = RequestLineKind.Arrears, Description = "往期欠费", Quantity = 1, Rate = unit.Arrears, Amount = unit.Arrears });
        return request;
    }
}
