namespace PropertyHub.Tests.Features.Accounts.Access;

/// <summary>The README's "Who may do what" table is the access table: a change to one without the other fails here.</summary>
public sealed class SecurityReadmeTests
{
    [Fact]
    public void ReadmeTable_MatchesTheAccessTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder(), "README.md")).ReplaceLineEndings("\n");
        var security = readme.IndexOf("\n## Security\n", StringComparison.Ordinal);
        Assert.True(security >= 0, "README.md has no '## Security' section");
        var heading = readme.IndexOf("\n### Who may do what\n", security, StringComparison.Ordinal);
        Assert.True(heading >= 0, "README.md's Security section has no '### Who may do what' heading");
        var lines = readme[(heading + 1)..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'));
        var actual = string.Concat(lines.Select(l => l + "\n"));
        var expected = SecurityDocument.WhoMayDoWhat();
        Assert.True(expected == actual, "The README's table differs from the access table. Put this under '### Who may do what':\n\n" + expected);
    }

    private static string RepositoryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "PropertyHub")))
                return dir.FullName;
        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }
}
