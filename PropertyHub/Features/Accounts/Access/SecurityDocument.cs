using System.Text;

namespace PropertyHub.Features.Accounts.Access;

/// <summary>The README's "Who may do what" table, generated from the <see cref="AccessTable"/> (a test keeps them equal).</summary>
public static class SecurityDocument
{
    public static string WhoMayDoWhat()
    {
        var text = new StringBuilder();
        text.Append("| Area | Action | What | ").AppendJoin(" | ", Roles.All).Append(" | System |\n");
        text.Append("|---|---|---|").Append(string.Concat(Enumerable.Repeat("---|", Roles.All.Count + 1))).Append('\n');
        foreach (var rule in AccessTable.Rules.OrderBy(r => Areas.IndexOf(r.Area)))
        {
            var what = rule.Anyone ? rule.Summary + " (no sign-in needed)" : rule.Summary;
            text.Append($"| {rule.Area} | `{rule.Action}` | {what} | ")
                .AppendJoin(" | ", Roles.All.Select(role => rule.AllowsRole(role) ? "✓" : ""))
                .Append($" | {(rule.System ? "✓" : "")} |\n");
        }
        return text.ToString();
    }

    private static readonly List<string> Areas = [.. AccessTable.Rules.Select(r => r.Area).Distinct()];
}
