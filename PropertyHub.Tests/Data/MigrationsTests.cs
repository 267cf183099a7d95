using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyHub.Data;

namespace PropertyHub.Tests.Data;

public sealed class MigrationsTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "SqlServer", "Postgres" };

    private static AppDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignFactory().CreateDbContext([]),
        _ => new PostgresDesignFactory().CreateDbContext([]),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_EachProvider_HaveNoPendingModelChanges(string provider)
    {
        using var db = Create(provider);
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model changed without a migration");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Migrations_SqlServer_IdempotentScriptGenerates()
    {
        using var db = Create("SqlServer");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Units]", script);
        Assert.Contains("CREATE TABLE [ScheduledRuns]", script);
        Assert.Contains("IF NOT EXISTS", script);
    }
}
