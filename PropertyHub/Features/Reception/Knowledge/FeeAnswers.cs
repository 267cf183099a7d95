using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Resources;

namespace PropertyHub.Features.Reception.Knowledge;

/// <summary>
/// The archive's fee answers, one per active fee item, made when they are read from the rates in force today and the
/// payment requests' due day: they quote what the fee items and the requests say, so they can never disagree with them.
/// They are not stored and not edited in the archive; Finance changes them on the fee items page.
/// </summary>
public sealed class FeeAnswers(FeeService fees, IOptions<PaymentRequestOptions> requests, IStringLocalizer<ReceptionText> text,
    IStringLocalizer<FeesText> feeText)
{
    public async Task<IReadOnlyList<KnowledgeView>> ForEstateAsync(int estateId, CancellationToken ct = default)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var rows = await fees.StandardAsync(estateId, fees.Today(estateId), activeOnly: true, ct);
        var keywords = text["Archive.FeeKeywords"].Value;
        return rows.Where(r => r.Current.Count > 0).Select(r =>
        {
            var unit = text[r.Basis == FeeBasis.PerSquareMetre ? "Archive.FeePerSquareMetre" : "Archive.FeePerUnit"].Value;
            var rates = string.Join(text["Archive.FeeRateSeparator"].Value, r.Current.Select(rate =>
                string.Format(CultureInfo.CurrentCulture, unit, feeText[$"Use_{rate.Use}"].Value, rate.Amount.ToString("0.00", CultureInfo.InvariantCulture))));
            var answer = text["Archive.FeeAnswer", rates, requests.Value.DueDay].Value;
            var names = string.Join(' ', new[] { r.Item.NameHans, r.Item.NameHant, r.Item.NameEn }.Distinct());
            return new KnowledgeView(0, estateId, KnowledgeCategory.FeeStandard, r.Item.NameIn(culture), answer, null, $"{names} {keywords}", 0)
            {
                FromFeeItems = true,
            };
        }).ToList();
    }
}
