using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Knowledge;

/// <summary>
/// Demo entries of the information archive for each estate that has none (only when demo data is on). Service numbers
/// are the real national ones; the police station's and the office's numbers are made up. No fee answers: those are
/// made from the fee items (<see cref="FeeAnswers"/>), so the archive quotes the same fees and due day as the requests.
/// </summary>
public sealed class DemoArchive(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, ILogger<DemoArchive> logger)
{
    private static readonly (KnowledgeCategory Category, string Title, string Answer, string? Phone, string Keywords)[] Entries =
    [
        (KnowledgeCategory.OfficeHours, "客服前台及业务电话服务时间", "管理处客服前台（窗口）和业务电话每天 09:00–21:00 服务，节假日照常。其他时间请拨打 24 小时报修专线或投诉电话。", "0591-87650001", "上班 下班 几点 营业时间 窗口 前台 业务电话"),
        (KnowledgeCategory.OfficeHours, "24 小时报修专线", "报修专线 24 小时有人接听。室内水电、门窗、公共设施故障均可报修，工程部接单后 24 小时内安排上门。", "0591-87650002", "报修 维修 漏水 停电 24小时 工程部"),
        (KnowledgeCategory.OfficeHours, "24 小时投诉电话", "投诉电话 24 小时有人接听，管理处在 72 小时内答复。也可到客服前台或书面提交意见。", "0591-87650003", "投诉 意见 不满 72小时"),
        (KnowledgeCategory.UsefulNumber, "有线电视报修", "有线电视无信号、花屏请先重启机顶盒；仍无法收看请拨打福建广电网络客服热线报修，报修时报上机顶盒卡号。", "96311", "电视 有线 机顶盒 广电 无信号"),
        (KnowledgeCategory.UsefulNumber, "中国电信客服", "固定电话、电信宽带开通、缴费与故障报修请拨打中国电信客服 10000。", "10000", "电信 固话 电话 宽带 光猫"),
        (KnowledgeCategory.UsefulNumber, "中国移动客服", "手机、移动宽带业务咨询与故障报修请拨打中国移动客服 10086。", "10086", "移动 手机 信号 宽带"),
        (KnowledgeCategory.UsefulNumber, "宽带网络报修", "宽带断网请先重启光猫和路由器并检查网线；仍不通请按宽带运营商拨打报修：电信 10000、移动 10086、联通 10010。楼内弱电间故障请同时告知管理处。", "10010", "宽带 网络 断网 上网 路由器 联通 光猫"),
        (KnowledgeCategory.UsefulNumber, "辖区派出所", "本小区属福州市鼓楼区东街派出所辖区，地址：鼓楼区东街 88 号（演示数据）。办理户籍、居住证请工作日前往；紧急情况请直接拨打 110。", "0591-87123110", "派出所 公安 户口 户籍 居住证 报警 110 警察"),
        (KnowledgeCategory.UsefulNumber, "供电抢修（国家电网）", "整栋或片区停电、电表故障请拨打国家电网供电服务热线 95598；单户跳闸请先检查户内空气开关，再拨报修专线。", "95598", "停电 电力 电表 跳闸 供电 国家电网"),
        (KnowledgeCategory.UsefulNumber, "供水抢修", "停水、水压低、市政供水管爆裂请拨打福州水务客服热线；户内漏水请拨报修专线，并先关闭户内总阀。", "0591-96300", "停水 自来水 水压 爆管 水务 漏水"),
        (KnowledgeCategory.UsefulNumber, "燃气抢修", "闻到燃气味请立即关闭燃气总阀、开窗通风，不要开关电器或使用明火，到室外拨打福州华润燃气 24 小时抢修电话；同时通知管理处。", "0591-96305", "燃气 煤气 天然气 漏气 气味"),
        (KnowledgeCategory.UsefulNumber, "火警、急救", "火警 119，急救 120，报警 110。拨打后请同时通知管理处，以便保安引导救援车辆进入小区。", "119", "火警 消防 急救 救护车 120 110"),
        (KnowledgeCategory.StandardAnswer, "失物招领", "在小区内拾到或遗失物品请到客服前台登记。拾获物品保管 30 天，领取时请出示有效证件并说明物品特征。", null, "丢失 遗失 捡到 拾到 失物 招领"),
        (KnowledgeCategory.StandardAnswer, "快递代收与领取", "快递可放小区东门智能快递柜；大件或到付快递由客服前台代收（不代付款），凭取件短信或业户证件在 09:00–21:00 领取，代收保管 7 天。", null, "快递 包裹 代收 取件 快递柜 驿站"),
        (KnowledgeCategory.StandardAnswer, "装修申请", "装修前请业主携带身份证、房产证明和装修方案到客服前台办理装修申请，签订装修管理协议和安全责任书；施工时间为工作日 08:00–12:00、14:00–18:00。", null, "装修 施工 申请 噪音 动工"),
    ];

    /// <summary>The fee answers earlier demo databases stored, which quoted fees and a due day of their own.</summary>
    private static readonly string[] RetiredFeeTitles = ["物业管理费收费标准", "房屋设备运行费"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeedDemoData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.KnowledgeEntries.Where(k => k.Category == KnowledgeCategory.FeeStandard && RetiredFeeTitles.Contains(k.Title)
            && (k.Answer.StartsWith("住宅 1.50 元") || k.Answer.StartsWith("电梯、供水加压等设备运行费"))).ExecuteDeleteAsync(ct);
        var estates = await db.Estates.Where(e => !db.KnowledgeEntries.Any(k => k.EstateId == e.Id)).Select(e => e.Id).ToListAsync(ct);
        foreach (var estateId in estates)
        {
            db.KnowledgeEntries.AddRange(Entries.Select(e => new KnowledgeEntry
            {
                EstateId = estateId, Category = e.Category, Title = e.Title, Answer = e.Answer, Phone = e.Phone, Keywords = e.Keywords,
            }));
        }
        await db.SaveChangesAsync(ct);
        if (estates.Count > 0)
            logger.LogInformation("Seeded {Count} demo archive entries for {Estates} estates", Entries.Length, estates.Count);
    }
}
