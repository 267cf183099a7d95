using Microsoft.Extensions.Options;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fund.BankLists;
using PropertyHub.Features.Fund.Disclosures;
using PropertyHub.Features.Fund.Documents;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.Fund.Reports;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fund;

/// <summary>The maintenance fund (P1§8): accounts, ledger, approvals and the custodian bank's expense lists.</summary>
public static class FundExtensions
{
    public static WebApplicationBuilder AddFund(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FundOptions>().BindConfiguration(FundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FundService>();
        services.AddScoped<FundApprovals>();
        services.AddScoped<BankListService>();
        services.AddScoped<BankListExport>();
        services.AddScoped<FundDocuments>();
        services.AddScoped<StatementImport>();
        services.AddScoped<ReconciliationService>();
        services.AddScoped<ReconciliationDuties>();
        services.AddScoped<ReconciliationNotices>();
        services.AddScoped<FundReports>();
        services.AddScoped<FundReportExport>();
        services.AddScoped<FundDisclosureFigures>();
        services.AddScoped<IFundStatements, FundStatements>();
        services.AddScoped<FundDisclosureDrafter>();
        services.AddScoped<FundStatementDrafts>();
        services.AddSingleton<IScheduledDuty, FundDisclosureDuty>();
        services.AddSingleton(new DutyDescription(FundDisclosureDuty.DutyName, _ => []));
        services.AddSingleton<IScheduledDuty, ReconciliationDuty>();
        services.AddSingleton(new DutyDescription(ReconciliationDuty.DutyName, sp =>
        {
            var fund = sp.GetRequiredService<IOptions<FundOptions>>().Value;
            return [fund.ReconciliationOpensOnDay, fund.ReconciliationDueDay, ReconciliationDuties.OverdueNow(sp)];
        }));
        return builder;
    }

    public static WebApplication MapFund(this WebApplication app)
    {
        app.MapGet("/fund/lists/{id:int}/export", async (int id, BankListExport export, CancellationToken ct) =>
            await export.ExportAsync(id, ct) is { } file ? Results.File(file.Bytes, BankListExport.ContentType, file.FileName) : Results.NotFound())
            .RequireAuthorization(Can.SeeFund);
        app.MapGet("/fund/{id:int}/reports/export", async (int id, int? year, FundReportExport export, CancellationToken ct) =>
            await export.ExportAsync(id, year, ct) is { } file ? Results.File(file.Bytes, FundReportExport.ContentType, file.FileName) : Results.NotFound())
            .RequireAuthorization(Can.SeeFund);
        // No route constraint: a malformed id is answered after the policy, like any other, with 404.
        app.MapGet("/fund/documents/{fileId}", async (string fileId, HttpContext http, FundDocuments documents, CancellationToken ct) =>
            Guid.TryParse(fileId, out var id) ? await documents.SendAsync(http, id, ct) : Results.NotFound()).RequireAuthorization(Can.SeeFund);
        app.MapGet("/fund/{id:int}/statements/{statementId:int}/file", async (int id, int statementId, HttpContext http, ReconciliationService reconciliation, CancellationToken ct) =>
            await reconciliation.SendStatementFileAsync(id, statementId, http, ct)).RequireAuthorization(Can.SeeFund);
        return app;
    }
}
