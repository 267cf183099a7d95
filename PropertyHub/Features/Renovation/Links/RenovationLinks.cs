using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Resources;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;

namespace PropertyHub.Features.Renovation;

/// <summary>What the signer sees through their link: the paper, the parties and the dates, in the owner's language.</summary>
public sealed record RenovationLinkView(RenovationParty Party, string Unit, string Applicant, string ContractorName, DateOnly PlannedStart, DateOnly PlannedEnd,
    string Language, string? Signature);

/// <summary>
/// Signing by personal link (/rs/…) when the owner or the contractor is not at the counter: the clerk sends the owner
/// a link to the 裝修管理協議 (through the outbox, in their language) or the contractor one to the 安全責任書 (by SMS).
/// The same rules as the kiosk: only an approved plan, each paper once. Only the token's hash is stored; the link is
/// spent by the signature.
/// </summary>
public sealed class RenovationLinks(IDbContextFactory<AppDbContext> dbFactory, PersonalLinkService links, Permissions permissions,
    NoticeLinks noticeLinks, TimeProvider clock, IOptions<PersonalLinkOptions> options, IStringLocalizer<RenovationText> text,
    IStringLocalizer<Resources.RenovationTrialText> mail)
{
    public const string OwnerPurpose = "renovation-owner";
    public const string ContractorPurpose = "renovation-contractor";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string PurposeOf(RenovationParty party) => party == RenovationParty.Owner ? OwnerPurpose : ContractorPurpose;

    /// <summary>Sends the party a link to sign their paper: refused unless the plan is approved and the paper unsigned.</summary>
    public async Task<RenovationResult> SendAsync(int id, RenovationParty party, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        if (!Enum.IsDefined(party))
            return RenovationResult.Fail("", "RenovationNotFound");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return RenovationResult.Fail("", "RenovationNotFound");
        if (RenovationRules.Sign(a.Status, party == RenovationParty.Owner ? a.OwnerSignedAt : a.ContractorSignedAt) is { } error)
            return RenovationResult.Fail("", error);
        var owner = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == a.OccupantId, ct);
        var unit = await db.Units.Where(u => u.Id == a.UnitId)
            .Select(u => new { u.BuildingId, Address = u.Building!.Code + "-" + u.Number, Estate = u.Building.Estate!.Name }).SingleAsync(ct);
        var buildingId = unit.BuildingId;
        var now = clock.GetUtcNow();
        var token = LinkTokens.NewToken();
        db.PersonalLinks.Add(new PersonalLink
        {
            Purpose = PurposeOf(party), SubjectId = id, OccupantId = a.OccupantId, TokenHash = LinkTokens.Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/rs/{token}";
        var source = $"renovation-sign:{id}:{party}:{Guid.NewGuid():N}";
        var paper = party == RenovationParty.Owner ? "OwnerAgreement" : "SafetyLetter";
        // Greets the one who signs by name and names the unit and the estate, in the recipient's language.
        var name = party == RenovationParty.Owner ? owner.Name : a.ContractorContact;
        NoticeText Words(System.Globalization.CultureInfo culture) => NoticeOutbox.WriteIn(culture, () => new NoticeText(
            mail["SignLinkSubject", text[paper].Value, unit.Address, unit.Estate].Value,
            mail["SignLinkMail", name, text[paper].Value, unit.Address, unit.Estate].Value));
        var place = new NoticePlace(a.EstateId, buildingId);
        if (party == RenovationParty.Owner)
            NoticeOutbox.AddForOccupant(db, owner, place, "renovation-sign", source, Words, now, noticeLinks.Seal(url));
        else
        {
            var culture = NoticeOutbox.CultureOf(NoticeOutbox.DefaultLanguage);
            var words = Words(culture);
            db.Notices.Add(new Notice
            {
                EstateId = a.EstateId, BuildingId = buildingId, Kind = "renovation-sign", SourceKey = source, Channel = NoticeChannel.Sms,
                RecipientKey = $"contractor:{id}", Address = a.ContractorPhone, Language = culture.Name, Subject = words.Subject, Body = words.Body,
                SealedLink = noticeLinks.Seal(url).Value, Status = NoticeStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return RenovationResult.Saved(id);
    }

    /// <summary>
    /// The paper the link opens, or why it opens nothing (forged, expired, revoked, spent, another purpose). A spent link
    /// still gives its paper, so the page can say in the owner's language that it is already signed.
    /// </summary>
    public async Task<(LinkState State, RenovationLinkView? View)> ViewAsync(string? token, CancellationToken ct = default)
    {
        var (state, party, link) = await ResolveAsync(token, ct);
        if (state is not (LinkState.Valid or LinkState.Spent))
            return (state, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var view = await db.RenovationApplications.AsNoTracking().Where(a => a.Id == link!.SubjectId)
            .Select(a => new RenovationLinkView(party, db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
                db.Occupants.Where(o => o.Id == a.OccupantId).Select(o => o.Name).First(), a.ContractorName, a.PlannedStart, a.PlannedEnd,
                db.Occupants.Where(o => o.Id == a.OccupantId).Select(o => o.PreferredLanguage).First() ?? NoticeOutbox.DefaultLanguage,
                party == RenovationParty.Owner ? a.OwnerSignature : a.ContractorSignature))
            .SingleOrDefaultAsync(ct);
        return view is null ? (LinkState.Unknown, null) : (state, view);
    }

    /// <summary>
    /// Stores the signature given through the link, with the same checks as the kiosk; the link is spent in the same
    /// save. The witness is the link itself. Returns the RenovationText key of the problem, or null when signed.
    /// </summary>
    public async Task<string?> SignAsync(string? token, string? signer, string? signature, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.SignRenovationsByLink, ct))
            return "LinkNotValid";
        if (PaidServiceRules.Signature(signature) is { } signatureError)
            return signatureError;
        var (state, party, found) = await ResolveAsync(token, ct);
        if (state != LinkState.Valid)
            return "LinkNotValid";
        var name = Registry.TypedText.Text(signer);
        if (party == RenovationParty.Contractor && (name is null || name.Length > RenovationRules.NameMax))
            return name is null ? "SignerRequired" : "SignerTooLong";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.PersonalLinks.SingleAsync(l => l.Id == found!.Id, ct);
        var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == link.SubjectId, ct);
        if (application is null)
            return "RenovationNotFound";
        if (RenovationRules.Sign(application.Status, party == RenovationParty.Owner ? application.OwnerSignedAt : application.ContractorSignedAt) is { } error)
            return error;
        var now = clock.GetUtcNow();
        var witness = NoticeOutbox.WriteIn(NoticeOutbox.CultureOf(NoticeOutbox.DefaultLanguage), () => text["WitnessedByLink"].Value);
        if (party == RenovationParty.Owner)
            (application.OwnerSignature, application.OwnerSignedAt, application.OwnerWitnessedBy) = (signature!.Trim(), now, witness);
        else
            (application.ContractorSigner, application.ContractorSignature, application.ContractorSignedAt, application.ContractorWitnessedBy) = (name, signature!.Trim(), now, witness);
        link.UsedAt = now;
        try
        {
            // The link's and the renovation's versions: a second signature at the same time (kiosk or link) is refused.
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "AlreadySigned";
        }
    }

    /// <summary>
    /// The witness of a signature as the reader writes it: a signature given through the link is stored with the link's
    /// name in the estate's language; shown, it is named in the reader's. A person's name is shown as stored.
    /// </summary>
    public static string Witness(string? stored, IStringLocalizer<RenovationText> text)
    {
        if (stored is null)
            return "";
        var byLink = Languages.Cultures.All.Any(c => NoticeOutbox.WriteIn(new System.Globalization.CultureInfo(c), () => text["WitnessedByLink"].Value) == stored);
        return byLink ? text["WitnessedByLink"].Value : stored;
    }

    private async Task<(LinkState State, RenovationParty Party, PersonalLink? Link)> ResolveAsync(string? token, CancellationToken ct)
    {
        var owner = await links.ResolveAsync(token, OwnerPurpose, ct);
        if (owner.State != LinkState.WrongPurpose)
            return (owner.State, RenovationParty.Owner, owner.Link);
        var contractor = await links.ResolveAsync(token, ContractorPurpose, ct);
        return (contractor.State, RenovationParty.Contractor, contractor.Link);
    }
}
