using System.ComponentModel.DataAnnotations;
using PropertyHub.Data;

namespace PropertyHub.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, false)]
    [InlineData(DatabaseProvider.SqlServer, null, true)]
    [InlineData(DatabaseProvider.Postgres, null, true)]
    [InlineData(DatabaseProvider.SqlServer, false, false)]
    [InlineData(DatabaseProvider.Postgres, false, false)]
    [InlineData(DatabaseProvider.Sqlite, false, false)]
    public void RetryOnFailure_UnsetOrGiven_OnByDefaultForServersOnly(DatabaseProvider provider, bool? setting, bool expected) =>
        Assert.Equal(expected, new DatabaseOptions { Provider = provider, RetryOnFailure = setting }.RetriesOnFailure);

    [Fact]
    public void RetryOnFailure_TrueOnSqlite_Refused()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, RetryOnFailure = true };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(nameof(DatabaseOptions.RetryOnFailure), Assert.Single(results).MemberNames);
    }
}
