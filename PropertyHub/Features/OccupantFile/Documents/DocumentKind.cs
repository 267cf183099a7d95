using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// A kind of paper an occupant's file holds (P1§10.2): named in the three languages, editable by Admin. A kind is
/// never deleted (the papers on file refer to it); a retired one leaves the checklist for new papers but stays on the
/// files that hold it. A restricted kind (identity and title documents) is opened only by the roles the access table
/// gives <c>ReadRestrictedDocuments</c>. Ids are given by the service (the standard's kinds are 1–22, an Admin's from 1000), not the database.
/// </summary>
public sealed class DocumentKind : IAudited
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameHans { get; set; }
    public required string NameHant { get; set; }
    public bool Restricted { get; set; }
    public bool Retired { get; set; }
    public int Order { get; set; }

    public string NameIn(string culture) => culture switch
    {
        "en" => NameEn,
        "zh-Hant" => NameHant,
        _ => NameHans,
    };
}

internal sealed class DocumentKindConfiguration : IEntityTypeConfiguration<DocumentKind>
{
    public const int NameLength = 60;

    public void Configure(EntityTypeBuilder<DocumentKind> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.NameEn).HasMaxLength(NameLength);
        builder.Property(k => k.NameHans).HasMaxLength(NameLength);
        builder.Property(k => k.NameHant).HasMaxLength(NameLength);
        builder.HasData(StandardDocumentKinds.All);
    }
}

/// <summary>The papers P1§10.2 lists for every occupant's file, in its order.</summary>
public static class StandardDocumentKinds
{
    /// <summary>Ids below this are the standard's (given by migrations); an Admin's own kinds are numbered from here.</summary>
    public const int FirstCustomId = 1000;

    public const int RenovationAgreement = 3;
    public const int MoveInProcedure = 4;
    public const int AgencyAuthorisation = 5;
    public const int HomeAcceptance = 7;
    public const int KeyReceipt = 8;
    public const int WorkerRegister = 11;
    public const int SafetyResponsibility = 12;
    public const int ContractorQualification = 13;
    public const int IdentityDocuments = 14;
    public const int TitleDocuments = 17;
    public const int PaidServiceRecords = 18;
    public const int RenovationInspection = 19;
    public const int RenovationDrawings = 20;
    public const int RenovationInspectionPhotos = 21;
    public const int RenovationReceipts = 22;

    public static readonly DocumentKind[] All =
    [
        Kind(1, "Residential use covenant", "住宅使用公约", "住宅使用公約"),
        Kind(2, "Renovation management rules", "装修管理办法", "裝修管理辦法"),
        Kind(RenovationAgreement, "Renovation management agreement", "装修管理协议", "裝修管理協議"),
        Kind(MoveInProcedure, "Move-in procedure form", "入伙手续书", "入伙手續書"),
        Kind(AgencyAuthorisation, "Agency service authorisation", "代办服务委托书", "代辦服務委託書"),
        Kind(6, "Key custody authorisation or undertaking", "保管钥匙委托书/承诺书", "保管鑰匙委託書/承諾書"),
        Kind(HomeAcceptance, "Home acceptance form", "房屋验收表", "房屋驗收表"),
        Kind(KeyReceipt, "Key receipt form", "钥匙签收表", "鑰匙簽收表"),
        Kind(9, "Occupant information form", "业户信息表", "業戶信息表"),
        Kind(10, "Move-in papers receipt form", "入伙资料签收表", "入伙資料簽收表"),
        Kind(WorkerRegister, "Construction worker register", "施工人员登记表", "施工人員登記表"),
        Kind(SafetyResponsibility, "Safety responsibility statement", "安全责任书", "安全責任書"),
        Kind(ContractorQualification, "Contractor qualification copies", "施工单位资质复印件", "施工單位資質複印件"),
        Kind(IdentityDocuments, "Identity documents", "身份证明文件", "身份證明文件", restricted: true),
        Kind(15, "Public security permit", "治安许可证", "治安許可證"),
        Kind(16, "Rental permit", "租赁许可证", "租賃許可證"),
        Kind(TitleDocuments, "Title documents", "权属文件", "權屬文件", restricted: true),
        Kind(PaidServiceRecords, "Paid service records", "有偿服务记录", "有償服務記錄"),
        Kind(RenovationInspection, "Renovation completion inspection record", "装修竣工验收记录", "裝修竣工驗收記錄"),
        // The renovation's own papers (P1§9): the plan's drawings, the completion inspection's photos, and its money's
        // papers (P1§10.2 各類付費資料) — the deposit and fee receipt and the refund voucher.
        Kind(RenovationDrawings, "Renovation drawings", "装修图纸", "裝修圖紙"),
        Kind(RenovationInspectionPhotos, "Renovation completion inspection photos", "装修竣工验收照片", "裝修竣工驗收照片"),
        Kind(RenovationReceipts, "Renovation receipts and refund vouchers", "装修收据及退款凭证", "裝修收據及退款憑證"),
    ];

    private static DocumentKind Kind(int id, string en, string hans, string hant, bool restricted = false) =>
        new() { Id = id, NameEn = en, NameHans = hans, NameHant = hant, Restricted = restricted, Order = id };
}
