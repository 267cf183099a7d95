using PropertyHub.Components;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Backup;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Books;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Files;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Languages;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Operations;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Registry.Import;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Features.Surveys.Statistics;
using PropertyHub.Features.OccupantFile;

if (await CommandLine.RunHealthCheckAsync(args) is { } healthExitCode)
    return healthExitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootSettings();
builder.AddData();
builder.AddAccounts();
builder.AddLanguages();
builder.AddUi();
builder.AddRegistry();
builder.AddRegistryImport();
builder.AddSettings();
builder.AddFiles();
builder.AddReception();
builder.AddScheduledDuties();
builder.AddNotices();
builder.AddPersonalLinks();
builder.AddSurveys();
builder.AddSurveyWork();
builder.AddSurveyStatistics();
builder.AddFees();
builder.AddPaidServices();
builder.AddCollection();
builder.AddBooks();
builder.AddFund();
builder.AddRepairs();
builder.AddRenovation();
builder.AddMoveIn();
builder.AddBackup();
builder.AddOperations();
builder.AddOccupantFile();

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode)
    return exitCode;
if (await app.PrepareDatabaseAsync() is { } startupFailed)
    return startupFailed;

app.UseOperations();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePersonalLinks();
app.UseOccupantFile();

app.MapHealth();
app.MapAccounts();
app.MapLanguages();
app.MapRegistryImport();
app.MapReception();
app.MapSurveyStatistics();
app.MapBooks();
app.MapFund();
app.MapOccupantFile();
app.MapRenovation();
app.MapRepairs();
app.MapScheduledDuties();
app.MapUi();

await app.RunAsync();
return 0;

public partial class Program;
