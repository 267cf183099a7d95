using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PropertyHub.Features.PersonalLinks;

namespace PropertyHub.Tests.Features.PersonalLinks;

/// <summary>Finds personal-link tokens in the raw bytes of files (a SQLite database, its WAL, a backup) or texts.</summary>
public static partial class StoredTokens
{
    /// <summary>The tokens of <paramref name="tokens"/> that occur anywhere in the bytes.</summary>
    public static HashSet<string> FoundIn(byte[] bytes, IReadOnlySet<string> tokens)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        // Latin-1 keeps one char per byte: a token stored as UTF-8 text is the same 43 ASCII characters.
        foreach (Match run in TokenCharacters().Matches(Encoding.Latin1.GetString(bytes)))
        {
            for (var i = 0; i + LinkTokens.TokenLength <= run.Length; i++)
            {
                var candidate = run.Value.Substring(i, LinkTokens.TokenLength);
                if (tokens.Contains(candidate))
                    found.Add(candidate);
            }
        }
        return found;
    }

    /// <summary>The tokens found in the database file and its WAL after a full checkpoint, and in the other files.</summary>
    public static HashSet<string> FoundInDatabase(string connectionString, IReadOnlySet<string> tokens, params string[] otherFiles)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Concat(otherFiles).Where(File.Exists))
            found.UnionWith(FoundIn(ReadShared(path), tokens));
        return found;
    }

    public static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex("[A-Za-z0-9_-]{43,}")]
    private static partial Regex TokenCharacters();
}
