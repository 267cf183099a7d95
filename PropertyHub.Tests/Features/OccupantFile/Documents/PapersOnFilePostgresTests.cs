using PropertyHub.Data;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>The move-in and the renovation putting their papers on the occupant's file, on PostgreSQL (one app for all three).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PapersOnFilePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task MoveInTicksCompletionAndScans_RenovationPapers_NothingHalfWrittenWhenTheFileRefuses()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("papers_" + Guid.NewGuid().ToString("N")[..8]),
        };
        await PapersOnFileScenarios.MoveInAsync(factory);
        await PapersOnFileScenarios.MoveInTickRefusedByTheFileAsync(factory, DatabaseProvider.Postgres);
        await PapersOnFileScenarios.PermitAsync(factory, DatabaseProvider.Postgres);
        await PapersOnFileScenarios.RenovationPapersAsync(factory, DatabaseProvider.Postgres);
        await PapersOnFileScenarios.MoveInScansAsync(factory, DatabaseProvider.Postgres);
    }
}
