using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PropertyHub.Data.Migrations;

/// <summary>
/// The data step of the VipOneNotion migration (one VIP notion: the profile is the truth, the occupant's flag follows).
/// <list type="bullet">
/// <item>An occupant flagged VIP without a profile (flagged in the registry editor or by import) gets a profile with the
/// estate's defaults: no shorter deadlines, the reason saying it came from the registry's flag, their VIP notes as the
/// profile's notes, the review due today (so the review duty reminds the manager at once), and as service manager the
/// first active Manager (else Supervisor, else Clerk — the roles that may serve VIPs). With no such user the flag is
/// cleared instead (the notes stay on the occupant).</item>
/// <item>A profile whose occupant is no longer flagged was ended before: it is marked ended now.</item>
/// </list>
/// </summary>
internal static class VipOneNotionData
{
    /// <summary>The reason written on a profile made from the registry's flag.</summary>
    public const string Reason = "登记中原有 VIP 标记（按本小区默认时限，待经理复核服务内容）";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        var provider = migrationBuilder.ActiveProvider ?? "";
        var (t, f, q, today, now, top, limit) = provider switch
        {
            _ when provider.Contains("SqlServer", StringComparison.Ordinal) =>
                ("1", "0", (Func<string, string>)(n => $"[{n}]"), $"'{DateTime.UtcNow:yyyy-MM-dd}'", "SYSDATETIMEOFFSET()", "TOP 1 ", ""),
            _ when provider.Contains("Npgsql", StringComparison.Ordinal) =>
                ("true", "false", n => $"\"{n}\"", $"DATE '{DateTime.UtcNow:yyyy-MM-dd}'", "now()", "", " LIMIT 1"),
            // SQLite: booleans are 0/1, DateTimeOffset is stored by DateTimeOffsetToBinaryConverter.
            _ => ("1", "0", n => $"\"{n}\"", $"'{DateTime.UtcNow:yyyy-MM-dd}'",
                ((long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!).ToString(System.Globalization.CultureInfo.InvariantCulture), "", " LIMIT 1"),
        };
        var substr = provider.Contains("Sqlite", StringComparison.Ordinal) ? "substr" : "SUBSTRING";
        migrationBuilder.Sql($"""
            INSERT INTO {q("VipProfiles")} ({q("OccupantId")}, {q("Reason")}, {q("ServiceManagerId")}, {q("ServiceManagerName")}, {q("Notes")}, {q("ReviewOn")}, {q("Version")})
            SELECT o.{q("Id")}, '{Reason}', m.{q("Id")}, m.{q("Name")}, o.{q("VipNotes")}, {today}, 0
            FROM {q("Occupants")} o
            CROSS JOIN (
                SELECT {top}u.{q("Id")}, {substr}(CASE WHEN u.{q("DisplayName")} <> '' THEN u.{q("DisplayName")} ELSE u.{q("UserName")} END, 1, 100) AS {q("Name")}
                FROM {q("AspNetUsers")} u
                JOIN {q("AspNetUserRoles")} ur ON ur.{q("UserId")} = u.{q("Id")}
                JOIN {q("AspNetRoles")} r ON r.{q("Id")} = ur.{q("RoleId")}
                WHERE u.{q("IsDisabled")} = {f} AND r.{q("Name")} IN ('Manager', 'Supervisor', 'Clerk')
                ORDER BY CASE r.{q("Name")} WHEN 'Manager' THEN 0 WHEN 'Supervisor' THEN 1 ELSE 2 END, u.{q("Id")}{limit}
            ) m
            WHERE o.{q("IsVip")} = {t} AND NOT EXISTS (SELECT 1 FROM {q("VipProfiles")} v WHERE v.{q("OccupantId")} = o.{q("Id")});
            """);
        migrationBuilder.Sql($"""
            UPDATE {q("Occupants")} SET {q("IsVip")} = {f}
            WHERE {q("IsVip")} = {t} AND NOT EXISTS (SELECT 1 FROM {q("VipProfiles")} v WHERE v.{q("OccupantId")} = {q("Occupants")}.{q("Id")});
            """);
        migrationBuilder.Sql($"""
            UPDATE {q("VipProfiles")} SET {q("EndedAt")} = {now}
            WHERE EXISTS (SELECT 1 FROM {q("Occupants")} o WHERE o.{q("Id")} = {q("VipProfiles")}.{q("OccupantId")} AND o.{q("IsVip")} = {f});
            """);
    }
}
