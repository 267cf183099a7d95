using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.PersonalLinks;

public enum LinkState
{
    Valid,
    /// <summary>No such link: mistyped, forged or guessed.</summary>
    Unknown,
    Expired,
    Revoked,
    /// <summary>Its purpose is done (the survey was answered).</summary>
    Spent,
    /// <summary>A real link, but for something else (another purpose).</summary>
    WrongPurpose,
}

public sealed record LinkResolution(LinkState State, PersonalLink? Link);

/// <summary>Issues, resolves and revokes personal links.</summary>
public sealed class PersonalLinkService(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, TimeProvider clock, IOptions<PersonalLinkOptions> options)
{
    /// <summary>Adds a link to the caller's context (saved in its transaction) and returns the URL that carries its token.</summary>
    public static string Add(AppDbContext db, string purpose, int subjectId, int occupantId, DateTimeOffset now, TimeSpan lifetime, string baseUrl)
    {
        var (link, url) = New(purpose, subjectId, occupantId, now, lifetime, baseUrl);
        db.PersonalLinks.Add(link);
        return url;
    }

    /// <summary>The link <see cref="Add"/> adds (only its hash is stored) and its URL, made but not added, for callers that insert in bulk.</summary>
    public static (PersonalLink Link, string Url) New(string purpose, int subjectId, int occupantId, DateTimeOffset now, TimeSpan lifetime, string baseUrl)
    {
        var token = LinkTokens.NewToken();
        var link = new PersonalLink
        {
            Purpose = purpose,
            SubjectId = subjectId,
            OccupantId = occupantId,
            TokenHash = LinkTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (link, UrlFor(baseUrl, purpose, token));
    }

    /// <summary>Survey forms open at /l/…, payment requests at /p/….</summary>
    public static string UrlFor(string baseUrl, string purpose, string token) =>
        $"{baseUrl.TrimEnd('/')}/{(purpose == LinkPurpose.PaymentRequest ? "p" : "l")}/{token}";

    public string NewSurveyLink(AppDbContext db, int surveyId, int occupantId, DateTimeOffset now) =>
        Add(db, LinkPurpose.Survey, surveyId, occupantId, now, TimeSpan.FromDays(options.Value.SurveyDays), options.Value.PublicBaseUrl);

    public async Task<LinkResolution> ResolveAsync(string? token, string purpose, CancellationToken ct = default)
    {
        if (!LinkTokens.LooksValid(token))
            return new(LinkState.Unknown, null);
        var hash = LinkTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.PersonalLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        return new(StateOf(link, purpose, clock.GetUtcNow()), link);
    }

    public static LinkState StateOf(PersonalLink? link, string purpose, DateTimeOffset now) => link switch
    {
        null => LinkState.Unknown,
        { } l when l.Purpose != purpose => LinkState.WrongPurpose,
        { RevokedAt: not null } => LinkState.Revoked,
        { UsedAt: not null } => LinkState.Spent,
        { } l when l.ExpiresAt <= now => LinkState.Expired,
        _ => LinkState.Valid,
    };

    /// <summary>Revokes every open link to a subject (e.g. when a form is withdrawn or a link leaked). Returns how many.</summary>
    public async Task<int> RevokeAsync(string purpose, int subjectId, string revokedBy, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RevokePersonalLinks, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.PersonalLinks.Where(l => l.Purpose == purpose && l.SubjectId == subjectId && l.RevokedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var link in open)
        {
            link.RevokedAt = now;
            link.RevokedBy = revokedBy;
        }
        await db.SaveChangesAsync(ct);
        return open.Count;
    }
}
