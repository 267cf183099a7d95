using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// When the completion inspection charges more than the deposit, the deposit is settled in full against the charge (the
/// refund is nothing) and the rest is billed to the owner the way extras are: one paid service, signed by the owner's
/// signature on the 裝修管理協議 (which agreed to pay for damage to the common parts), on the next payment request.
/// It is added in the refund's transaction, so it exists once, with the settlement, or not at all.
/// </summary>
public static class RenovationShortfall
{
    /// <summary>What the deposit does not cover: the charges less the deposit, never below nothing.</summary>
    public static decimal Of(decimal deposit, decimal charges) => Math.Max(0, charges - deposit);

    /// <summary>Adds the paid service for the shortfall (none when the deposit covers the charges).</summary>
    public static PaidService? Bill(AppDbContext db, RenovationApplication application, decimal deposit, decimal charges, DateOnly today,
        DateTimeOffset now, string who)
    {
        var shortfall = Of(deposit, charges);
        if (shortfall == 0)
            return null;
        var permit = application.PermitNumber ?? "";
        var phrase = TimelinePhrases.Write(nameof(Resources.RenovationTrialText), [new PhraseLine("ShortfallServiceType", permit)]);
        var type = (phrase is null ? null : TimelinePhrases.RenderIn(phrase, Notices.NoticeOutbox.DefaultLanguage)) ?? permit;
        var description = TimelinePhrases.RenderIn(
            TimelinePhrases.Write(nameof(Resources.RenovationTrialText), [new PhraseLine("ShortfallDescription", Money(charges), Money(deposit))])!,
            Notices.NoticeOutbox.DefaultLanguage);
        var paid = new PaidService
        {
            EstateId = application.EstateId, UnitId = application.UnitId, OccupantId = application.OccupantId,
            ServiceType = type.Length > PaidServiceRules.ServiceTypeMax ? type[..PaidServiceRules.ServiceTypeMax] : type,
            TypePhrase = phrase,
            Description = description,
            Price = shortfall, ServiceDate = today, StaffName = who,
            Signature = application.OwnerSignature, SignedAt = application.OwnerSignedAt ?? now, WitnessedBy = application.OwnerWitnessedBy ?? who,
            CreatedAt = now,
        };
        db.PaidServices.Add(paid);
        return paid;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
