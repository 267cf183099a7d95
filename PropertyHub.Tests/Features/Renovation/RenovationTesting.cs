using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Tests.Features.Fees.PaidServices;
using PropertyHub.Features.Files;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>A renovation taken through its steps on a test app, as the roles that take each step.</summary>
public sealed class RenovationTesting(AppFactory factory)
{
    /// <summary>Two strokes of eight points each: a short but real signature.</summary>
    public const string Signature = PaidServiceServiceTests.Signature;

    /// <summary>Valid resident ID numbers (check characters right).</summary>
    public const string WorkerId1 = "11010519491231002X";
    public const string WorkerId2 = "440524188001010014";

    /// <summary>The smallest PNG: its signature and an IHDR chunk, enough for the content check.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public async Task<T> AsAsync<T>(string role, Func<RenovationService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<RenovationService>()));
        return result;
    }

    public async Task<RenovationUpload> UploadAsync(RenovationDocumentKind kind, byte[] content, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var read = await scope.ServiceProvider.GetRequiredService<FileIntake>().ReadAsync(new MemoryStream(content), name, FileKinds.Documents);
        return new RenovationUpload(kind, read.File ?? throw new InvalidOperationException(read.Problem.ToString()));
    }

    public async Task<IReadOnlyList<RenovationUpload>> PapersAsync() =>
        [await UploadAsync(RenovationDocumentKind.Qualification, Pdf, "资质证书.pdf"), await UploadAsync(RenovationDocumentKind.Drawing, Png, "平面图.png")];

    /// <summary>An application for the first occupied unit, starting today on its estate's calendar, for five days, with two workers.</summary>
    public async Task<RenovationInput> InputAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().OrderBy(o => o.UnitId).ThenBy(o => o.Id).FirstAsync();
        var estateId = await db.Units.Where(u => u.Id == occupant.UnitId).Select(u => u.Building!.EstateId).SingleAsync();
        var today = factory.Services.GetRequiredService<EstateTime>().Today(estateId);
        return new RenovationInput
        {
            UnitId = occupant.UnitId,
            OccupantId = occupant.Id,
            ContractorName = " 福州美家装饰工程有限公司 ",
            ContractorLicence = "D235012345",
            ContractorContact = "刘师傅",
            ContractorPhone = "13900001111",
            PlanDescription = "厨房和卫生间翻新，更换地砖",
            PlannedStart = today,
            PlannedEnd = today.AddDays(4),
            Workers = [new WorkerInput { Name = "李强", IdNumber = WorkerId1 }, new WorkerInput { Name = "周明", IdNumber = WorkerId2.ToLowerInvariant() }],
        };
    }

    public async Task<int> SubmittedAsync(Action<RenovationInput>? adjust = null)
    {
        var input = await InputAsync();
        adjust?.Invoke(input);
        var papers = await PapersAsync();
        var result = await AsAsync(Roles.Clerk, s => s.SubmitAsync(input, papers));
        Assert.True(result.Ok, string.Join(",", result.Errors));
        return result.Id!.Value;
    }

    public async Task<RenovationSheet> SheetAsync(int id) => (await AsAsync(Roles.Clerk, s => s.SheetAsync(id)))!;

    public async Task<int> ApprovedAsync(string deposit = "2000", string fee = "300.50", Action<RenovationInput>? adjust = null)
    {
        var id = await SubmittedAsync(adjust);
        var sheet = await SheetAsync(id);
        var result = await AsAsync(Roles.Engineer, s => s.ReviewAsync(id, sheet.Version, new RenovationReview { Approve = true, Deposit = deposit, Fee = fee }));
        Assert.True(result.Ok, string.Join(",", result.Errors));
        return id;
    }

    public async Task SignAsync(int id, RenovationParty party)
    {
        var sheet = await SheetAsync(id);
        var result = await AsAsync(Roles.Clerk, s => s.SignAsync(id, sheet.Version, party, party == RenovationParty.Contractor ? "刘师傅" : null, Signature));
        Assert.True(result.Ok, string.Join(",", result.Errors));
    }

    public async Task<RenovationResult> CollectAsync(int id) =>
        await AsAsync(Roles.Finance, s => s.CollectAsync(id, PaymentMethod.Cash, null));

    public async Task<RenovationResult> IssueAsync(int id)
    {
        var sheet = await SheetAsync(id);
        return await AsAsync(Roles.Clerk, s => s.IssuePermitAsync(id, sheet.Version));
    }

    public async Task<T> CompletionAsync<T>(string role, Func<RenovationCompletionService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<RenovationCompletionService>()));
        return result;
    }

    public async Task<T> PassesAsync<T>(string role, Func<WorkerPassService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<WorkerPassService>()));
        return result;
    }

    public async Task<UploadedFile> PhotoAsync(string name = "photo.png") =>
        (await UploadAsync(RenovationDocumentKind.WorkerPhoto, Png, name)).File;

    /// <summary>A renovation with its permit (deposit 2000, fee 300.50) and a pass for each of its two workers; the pass ids.</summary>
    public async Task<(int Id, IReadOnlyList<int> Passes)> PermitWithPassesAsync(Action<RenovationInput>? adjust = null)
    {
        var id = await ApprovedAsync(adjust: adjust);
        await SignAsync(id, RenovationParty.Owner);
        await SignAsync(id, RenovationParty.Contractor);
        Assert.True((await CollectAsync(id)).Ok);
        Assert.True((await IssueAsync(id)).Ok);
        var passes = new List<int>();
        foreach (var worker in (await SheetAsync(id)).Workers)
        {
            var photo = await PhotoAsync();
            var pass = await PassesAsync(Roles.Clerk, s => s.IssueAsync(id, worker.Id, photo));
            Assert.True(pass.Ok, string.Join(",", pass.Errors));
            passes.Add(pass.Id!.Value);
        }
        return (id, passes);
    }

    /// <summary>The completion inspection, every item in order, with damage and its charge and one photo when a charge is given.</summary>
    public async Task<RenovationResult> InspectAsync(int id, string? damage = null, string? charge = null)
    {
        var sheet = await SheetAsync(id);
        IReadOnlyList<UploadedFile> photos = damage is null ? [] : [await PhotoAsync("damage.png")];
        return await CompletionAsync(Roles.Engineer, s => s.InspectAsync(id, sheet.Version, new InspectionInput { InOrder = [.. CompletionRules.Checklist], Damage = damage, Charge = charge }, photos));
    }
}
