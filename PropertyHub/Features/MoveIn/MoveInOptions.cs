using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PropertyHub.Features.OccupantFile.Documents;

namespace PropertyHub.Features.MoveIn;

/// <summary>One line of a configurable list (a document to bring, a preparation), in the three languages.</summary>
public sealed class MoveInItem
{
    /// <summary>Stable key, e.g. "IdCopy": what is stored when the document is received.</summary>
    [Required, RegularExpression("^[A-Za-z0-9-]{1,40}$")]
    public string Key { get; set; } = "";
    [Required] public string En { get; set; } = "";
    [Required] public string ZhHans { get; set; } = "";
    [Required] public string ZhHant { get; set; } = "";

    /// <summary>
    /// For a document to bring: the kind on the occupant's document checklist it is put on file as when ticked at the
    /// counter (an id of the document kinds, e.g. 14 = identity documents); none keeps it on the move-in only.
    /// </summary>
    public int? FileKind { get; set; }

    /// <summary>Whether the file keeps the original (true) or a copy of it.</summary>
    public bool FileOriginal { get; set; }

    public string In(CultureInfo culture) => culture.Name switch
    {
        "zh-Hant" or "zh-TW" or "zh-HK" => ZhHant,
        var n when n.StartsWith("zh", StringComparison.Ordinal) => ZhHans,
        _ => En,
    };
}

/// <summary>
/// Move-in settings (section "MoveIn"): the documents to bring and the preparations (P1§4.1), each in three languages;
/// when the reminder goes out; how long the slot link stays open. Lists given in configuration replace the defaults.
/// </summary>
public sealed class MoveInOptions
{
    public const string Section = "MoveIn";

    public List<MoveInItem> Documents { get; set; } = [];
    public List<MoveInItem> Preparations { get; set; } = [];

    /// <summary>Days before the handover the reminder goes out (the duty reminds everyone due within them, once).</summary>
    [Range(1, 30)]
    public int ReminderDaysBefore { get; set; } = 2;

    /// <summary>When the reminder duty runs, in estate time.</summary>
    [Required]
    public string ReminderCron { get; set; } = "0 10 * * *";

    /// <summary>When the late proxy services duty runs, in estate time.</summary>
    [Required]
    public string LateProxyCron { get; set; } = "0 9 * * *";

    public static readonly MoveInItem[] DefaultDocuments =
    [
        new() { Key = "MoveInNotice", En = "Move-in notice", ZhHans = "入伙通知书", ZhHant = "入伙通知書" },
        new() { Key = "IdCopy", FileKind = StandardDocumentKinds.IdentityDocuments, En = "Identity document and a copy", ZhHans = "身份证明原件及复印件", ZhHant = "身份證明原件及復印件" },
        new() { Key = "PurchaseContract", FileKind = StandardDocumentKinds.TitleDocuments, En = "Purchase contract (copy)", ZhHans = "购房合同（复印件）", ZhHant = "購房合同（復印件）" },
        new() { Key = "PaymentProof", En = "Proof of payment for the home", ZhHans = "房款支付证明", ZhHant = "房款支付證明" },
        new() { Key = "UseCovenant", FileKind = 1, FileOriginal = true, En = "Residential use covenant, signed", ZhHans = "《住宅使用公约》（签署）", ZhHant = "《住宅使用公約》（簽署）" },
        new() { Key = "OccupantInfoForm", FileKind = 9, FileOriginal = true, En = "Occupant information form", ZhHans = "《业户信息表》", ZhHant = "《業戶信息表》" },
    ];

    public static readonly MoveInItem[] DefaultPreparations =
    [
        new() { Key = "Fees", En = "The first fees to pay at the counter (cash, card, WeChat Pay or Alipay)", ZhHans = "在柜台缴纳首期费用（现金、银行卡、微信或支付宝）", ZhHant = "在櫃台繳納首期費用（現金、銀行卡、微信或支付寶）" },
        new() { Key = "Proxy", En = "If someone comes for you: a signed letter of authority and their ID", ZhHans = "如委托他人办理：签署的委托书及受托人身份证", ZhHant = "如委託他人辦理：簽署的委託書及受託人身份證" },
        new() { Key = "Time", En = "About an hour for the inspection of the home and the keys", ZhHans = "验房及领取钥匙约需一小时", ZhHant = "驗房及領取鑰匙約需一小時" },
    ];
}
