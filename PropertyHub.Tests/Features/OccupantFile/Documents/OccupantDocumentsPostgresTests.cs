using PropertyHub.Data;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>The same paper, scan, access and opening record on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OccupantDocumentsPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task IdentityCopy_ByTheClerk_KeptOnce_OnlyTheManagerOpensIt_TheOpeningRecorded()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("occupant_documents_" + Guid.NewGuid().ToString("N")[..8]),
        };
        await DocumentsTesting.IdentityCopyScenarioAsync(factory, skip: 3);
    }
}
