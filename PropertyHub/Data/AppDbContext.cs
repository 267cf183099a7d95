using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Files;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Repairs;
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
    public DbSet<JobTally> JobTallies => Set<JobTally>();
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
    public DbSet<Features.OccupantFile.Titles.TitleRecord> TitleRecords => Set<Features.OccupantFile.Titles.TitleRecord>();
    public DbSet<Features.OccupantFile.Vip.VipProfile> VipProfiles => Set<Features.OccupantFile.Vip.VipProfile>();
    public DbSet<Features.OccupantFile.Vip.VipReviewReminder> VipReviewReminders => Set<Features.OccupantFile.Vip.VipReviewReminder>();
    public DbSet<Features.OccupantFile.Documents.DocumentKind> DocumentKinds => Set<Features.OccupantFile.Documents.DocumentKind>();
    public DbSet<Features.OccupantFile.Documents.OccupantDocument> OccupantDocuments => Set<Features.OccupantFile.Documents.OccupantDocument>();
    public DbSet<Features.OccupantFile.Documents.DocumentRead> DocumentReads => Set<Features.OccupantFile.Documents.DocumentRead>();
    public DbSet<FundAccount> FundAccounts => Set<FundAccount>();
    public DbSet<FundEntry> FundEntries => Set<FundEntry>();
    public DbSet<BankExpenseList> BankExpenseLists => Set<BankExpenseList>();
    public DbSet<FundStatement> FundStatements => Set<FundStatement>();
    public DbSet<FundStatementLine> FundStatementLines => Set<FundStatementLine>();
    public DbSet<FundMonth> FundMonths => Set<FundMonth>();
    public DbSet<FundBankMapping> FundBankMappings => Set<FundBankMapping>();
    public DbSet<PropertyHub.Features.Fund.Documents.FundEntryDocument> FundEntryDocuments => Set<PropertyHub.Features.Fund.Documents.FundEntryDocument>();
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<RepairFollowUp> RepairFollowUps => Set<RepairFollowUp>();
    public DbSet<RepairSettings> RepairSettings => Set<RepairSettings>();
    public DbSet<WorkOrderMaterial> WorkOrderMaterials => Set<WorkOrderMaterial>();
    public DbSet<WorkOrderPhoto> WorkOrderPhotos => Set<WorkOrderPhoto>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<Features.Renovation.RenovationApplication> RenovationApplications => Set<Features.Renovation.RenovationApplication>();
    public DbSet<Features.Renovation.RenovationWorker> RenovationWorkers => Set<Features.Renovation.RenovationWorker>();
    public DbSet<Features.Renovation.RenovationDocument> RenovationDocuments => Set<Features.Renovation.RenovationDocument>();
    public DbSet<Features.Renovation.RenovationPayment> RenovationPayments => Set<Features.Renovation.RenovationPayment>();
    public DbSet<Features.Renovation.WorkerPass> WorkerPasses => Set<Features.Renovation.WorkerPass>();
    public DbSet<Features.Renovation.GateCheck> GateChecks => Set<Features.Renovation.GateCheck>();
    public DbSet<Features.MoveIn.MoveInBatch> MoveInBatches => Set<Features.MoveIn.MoveInBatch>();
    public DbSet<Features.MoveIn.MoveInSlot> MoveInSlots => Set<Features.MoveIn.MoveInSlot>();
    public DbSet<Features.MoveIn.MoveInBatchChange> MoveInBatchChanges => Set<Features.MoveIn.MoveInBatchChange>();
    public DbSet<Features.MoveIn.UnitMoveIn> MoveIns => Set<Features.MoveIn.UnitMoveIn>();
    public DbSet<Features.MoveIn.MoveInDocument> MoveInDocuments => Set<Features.MoveIn.MoveInDocument>();
    public DbSet<Features.MoveIn.MoveInDefect> MoveInDefects => Set<Features.MoveIn.MoveInDefect>();
    public DbSet<Features.MoveIn.MoveInReceipt> MoveInReceipts => Set<Features.MoveIn.MoveInReceipt>();
    public DbSet<Features.MoveIn.ProxyService> ProxyServices => Set<Features.MoveIn.ProxyService>();
    public DbSet<Features.MoveIn.ProxyServiceNote> ProxyServiceNotes => Set<Features.MoveIn.ProxyServiceNote>();
    public DbSet<Features.Renovation.RenovationPatrol> RenovationPatrols => Set<Features.Renovation.RenovationPatrol>();
    public DbSet<Features.Renovation.RenovationInspection> RenovationInspections => Set<Features.Renovation.RenovationInspection>();
    public DbSet<Features.Renovation.RenovationAlert> RenovationAlerts => Set<Features.Renovation.RenovationAlert>();

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

        // Entries for added records only know their keys after the insert, so audit rows go in a second statement
        // inside the same transaction: a change is never stored without its trail. Inside a caller's transaction the
        // caller's execution strategy retries its whole unit of work, this save included.
        if (Database.CurrentTransaction is not null)
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await WriteTrailAsync(audit, cancellationToken);
            return count;
        }

        // Our own transaction must run inside the execution strategy (a retrying one refuses it otherwise), and an
        // attempt must leave nothing behind for the next: the changes are accepted only after the commit (EF Core
        // discards the store-generated keys of a failed attempt when it saves again), and the audit rows live in a
        // context of their own, thrown away with the attempt.
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await WriteTrailAsync(audit, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
            ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>
    /// Inserts the audit rows through a second context on this context's connection and transaction, so this
    /// context's own changes (saved but possibly not yet accepted) are not saved a second time.
    /// </summary>
    private async Task WriteTrailAsync(List<PendingAudit> audit, CancellationToken ct)
    {
        await using var trail = (AppDbContext)Activator.CreateInstance(GetType(), this.GetService<IDbContextOptions>())!;
        trail.IsBackground = true;
        trail.Database.SetDbConnection(Database.GetDbConnection(), contextOwnsConnection: false);
        await trail.Database.UseTransactionAsync(Database.CurrentTransaction!.GetDbTransaction(), ct);
        trail.AuditEntries.AddRange(audit.Select(a => a.ToEntry()));
        await trail.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Once per change, however often it is saved: a save that failed (and is tried again, by a caller's retrying
    /// strategy) has already moved the version past the one it checks against.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var version = entry.Property(e => e.Version);
            if (entry.State == EntityState.Modified && version.CurrentValue == version.OriginalValue)
                entry.Entity.Version++;
        }
    }
}
