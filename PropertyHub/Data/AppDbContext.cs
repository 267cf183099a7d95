using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Data;

/// <summary>
/// The one model of the product. Each provider has its own subclass so each keeps its own migrations set.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Who is changing data through this context; written into the audit trail.</summary>
    public Actor Actor { get; set; } = Actor.System;

    /// <summary>Where people's saves are counted, so duties writing in batches let them through first.</summary>
    public WritePriority? Writes { get; set; }

    /// <summary>A duty's context: its saves do not count as a person's (see <see cref="WritePriority"/>).</summary>
    public bool IsBackground { get; set; }

    internal IDisposable? BeginningTransaction { get; set; }

    /// <summary>The clock that stamps audit entries; the app's injected TimeProvider.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<Estate> Estates => Set<Estate>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Occupant> Occupants => Set<Occupant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<ReceptionSettings> ReceptionSettings => Set<ReceptionSettings>();
    public DbSet<KnowledgeEntry> KnowledgeEntries => Set<KnowledgeEntry>();
    public DbSet<LedgerReview> LedgerReviews => Set<LedgerReview>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<PersonalLink> PersonalLinks => Set<PersonalLink>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<SurveyItem> SurveyItems => Set<SurveyItem>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyScore> SurveyScores => Set<SurveyScore>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<FeeItem> FeeItems => Set<FeeItem>();
    public DbSet<FeeRate> FeeRates => Set<FeeRate>();
    public DbSet<PaymentRequest> PaymentRequests => Set<PaymentRequest>();
    public DbSet<PaymentRequestLine> PaymentRequestLines => Set<PaymentRequestLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAllocation> PaymentAllocations => Set<PaymentAllocation>();
    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();
    public DbSet<CollectionTask> CollectionTasks => Set<CollectionTask>();
    public DbSet<CollectionVisit> CollectionVisits => Set<CollectionVisit>();
    public DbSet<PaidService> PaidServices => Set<PaidService>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<DisclosureLine> DisclosureLines => Set<DisclosureLine>();

    /// <summary>The data-protection key ring (cookies, antiforgery, kept tokens), shared by every instance; never audited.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => !t.IsAbstract);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks there (see SqliteDbContext).
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var person = IsBackground ? null : Writes?.Enter();
        ChangeTracker.DetectChanges();
        BumpVersions();
        var audit = AuditRecorder.Collect(this);
        if (audit.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Entries for added records only know their keys after the insert, so audit rows go in a second
        // statement inside the same transaction: a change is never stored without its trail.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(audit.Select(a => a.ToEntry()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
                entry.Entity.Version++;
        }
    }
}
