using PropertyHub.Features.Languages;

namespace PropertyHub.Features.Registry.Import;

/// <summary>The columns of the flat registry sheet: one row per occupant, or per unit that has none.</summary>
public enum ImportColumn
{
    BuildingCode,
    BuildingName,
    UnitNumber,
    Floor,
    Area,
    Use,
    OccupantRole,
    OccupantKind,
    OccupantName,
    Phone,
    Phone2,
    Email,
    IdNumber,
    IsVip,
    VipNotes,
    PreferredLanguage,
}

/// <summary>
/// Header names and cell values the import understands, in English, Simplified and Traditional Chinese.
/// The ImportText "Column_X" labels (used by the export and the template) must stay among these aliases.
/// </summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> All = Enum.GetValues<ImportColumn>();

    public static readonly IReadOnlyList<ImportColumn> Required =
        [ImportColumn.BuildingCode, ImportColumn.BuildingName, ImportColumn.UnitNumber, ImportColumn.Floor, ImportColumn.Area, ImportColumn.Use];

    /// <summary>Columns people type digits into: NFKC-normalised on reading, and refused with a digit other than ASCII 0–9.</summary>
    public static readonly IReadOnlySet<ImportColumn> Digits = new HashSet<ImportColumn>
        { ImportColumn.BuildingCode, ImportColumn.UnitNumber, ImportColumn.Floor, ImportColumn.Area, ImportColumn.Phone, ImportColumn.Phone2, ImportColumn.IdNumber };

    public static readonly IReadOnlyDictionary<ImportColumn, string[]> Aliases = new Dictionary<ImportColumn, string[]>
    {
        [ImportColumn.BuildingCode] = ["BuildingCode", "Building Code", "楼栋编号", "樓棟編號", "楼号", "樓號"],
        [ImportColumn.BuildingName] = ["BuildingName", "Building Name", "Building", "楼栋名称", "樓棟名稱", "楼栋", "樓棟"],
        [ImportColumn.UnitNumber] = ["UnitNumber", "Unit Number", "Unit", "单元号", "單元號", "房号", "房號"],
        [ImportColumn.Floor] = ["Floor", "楼层", "樓層"],
        [ImportColumn.Area] = ["Area", "面积", "面積", "建筑面积", "建築面積"],
        [ImportColumn.Use] = ["Use", "用途"],
        [ImportColumn.OccupantRole] = ["OccupantRole", "Role", "业主/租户", "業主/租戶", "业户类型", "業戶類型", "身份"],
        [ImportColumn.OccupantKind] = ["OccupantKind", "Kind", "个人/公司", "個人/公司", "个人或公司", "個人或公司", "业户性质", "業戶性質"],
        [ImportColumn.OccupantName] = ["OccupantName", "Occupant Name", "Occupant", "Name", "业户姓名", "業戶姓名", "业户名称", "業戶名稱", "姓名"],
        [ImportColumn.Phone] = ["Phone", "电话", "電話", "手机", "手機"],
        [ImportColumn.Phone2] = ["Phone2", "Phone 2", "电话2", "電話2", "备用电话", "備用電話"],
        [ImportColumn.Email] = ["Email", "E-mail", "电子邮箱", "電子郵箱", "邮箱", "郵箱"],
        [ImportColumn.IdNumber] = ["IdNumber", "ID Number", "证件号码", "證件號碼", "身份证号", "身份證號"],
        [ImportColumn.IsVip] = ["IsVip", "VIP"],
        [ImportColumn.VipNotes] = ["VipNotes", "VIP Notes", "VIP备注", "VIP備註"],
        [ImportColumn.PreferredLanguage] = ["PreferredLanguage", "Language", "通知语言", "通知語言", "语言", "語言"],
    };

    private static readonly Dictionary<string, ImportColumn> ByHeader = Aliases
        .SelectMany(a => a.Value.Select(name => (Name: Normalize(name), Column: a.Key)))
        .Distinct()
        .ToDictionary(x => x.Name, x => x.Column);

    /// <summary>The column a header names, ignoring case, spaces, dashes and underscores.</summary>
    public static ImportColumn? FromHeader(string? header) =>
        header is not null && ByHeader.TryGetValue(Normalize(header), out var column) ? column : null;

    public static string Normalize(string value) =>
        new(value.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '\uFEFF')).Select(char.ToLowerInvariant).ToArray());

    private static readonly Dictionary<string, UnitUse> Uses = Lookup(
        (UnitUse.Residential, ["Residential", "住宅"]),
        (UnitUse.Office, ["Office", "办公", "辦公"]),
        (UnitUse.Commercial, ["Commercial", "商业", "商業"]));

    private static readonly Dictionary<string, OccupantRole> RolesByName = Lookup(
        (OccupantRole.Owner, ["Owner", "业主", "業主"]),
        (OccupantRole.Tenant, ["Tenant", "租户", "租戶"]));

    private static readonly Dictionary<string, OccupantKind> Kinds = Lookup(
        (OccupantKind.Person, ["Person", "个人", "個人"]),
        (OccupantKind.Company, ["Company", "公司", "企业", "企業"]));

    private static readonly Dictionary<string, bool> Booleans = Lookup(
        (true, ["Yes", "Y", "True", "1", "是"]),
        (false, ["No", "N", "False", "0", "否"]));

    private static readonly Dictionary<string, string> LanguagesByName = Lookup(
        (Cultures.SimplifiedChinese, ["zh-Hans", "zh-CN", "zh", "简体中文", "简体", "簡體中文"]),
        (Cultures.TraditionalChinese, ["zh-Hant", "zh-TW", "zh-HK", "繁體中文", "繁体中文", "繁體", "繁体"]),
        (Cultures.English, ["en", "en-US", "English", "英文", "英语", "英語"]));

    public static bool TryUse(string value, out UnitUse use) => Uses.TryGetValue(Normalize(value), out use);
    public static bool TryRole(string value, out OccupantRole role) => RolesByName.TryGetValue(Normalize(value), out role);
    public static bool TryKind(string value, out OccupantKind kind) => Kinds.TryGetValue(Normalize(value), out kind);
    public static bool TryBoolean(string value, out bool flag) => Booleans.TryGetValue(Normalize(value), out flag);
    public static bool TryLanguage(string value, out string culture) => LanguagesByName.TryGetValue(Normalize(value), out culture!);

    private static Dictionary<string, T> Lookup<T>(params (T Value, string[] Names)[] entries) =>
        entries.SelectMany(e => e.Names.Select(n => (Key: Normalize(n), e.Value))).Distinct().ToDictionary(x => x.Key, x => x.Value);
}
