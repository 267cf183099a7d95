using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// A renovation change that must be all or nothing: one transaction per attempt, inside the execution strategy.
/// A unique key hit meanwhile (a first-of-the-year receipt number, a second collection, a pass ordinal taken) rolls
/// everything back and is tried again, where the rules then see what was saved.
/// </summary>
public static class RenovationTransactions
{
    public static Task<RenovationResult> RunAsync(IDbContextFactory<AppDbContext> dbFactory, Func<AppDbContext, Task<RenovationResult>> work, CancellationToken ct) =>
        RetriedTransaction.RunAsync(dbFactory, work, r => r.Ok, DbErrors.IsUniqueViolation, ct);
}
