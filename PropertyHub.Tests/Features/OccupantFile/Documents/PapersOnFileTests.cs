using PropertyHub.Data;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>The move-in and the renovation putting their papers on the occupant's file (SQLite).</summary>
public sealed class PapersOnFileTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public Task TickingAtTheCounter_PutsTheKindOnFile_Unticking_TakesItBack_Completing_FilesKeyReceiptAndInspection() =>
        PapersOnFileScenarios.MoveInAsync(factory);

    [Fact]
    public Task TheFileRefusingTheWrite_TheTickIsNotSavedEither() =>
        PapersOnFileScenarios.MoveInTickRefusedByTheFileAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public Task IssuingThePermit_FilesTheAgreementsQualificationCopyAndRegister_RefusedByTheFile_NoPermit() =>
        PapersOnFileScenarios.PermitAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public Task TheRenovationsDrawingsPhotosAndReceipts_GoOnFileWithTheirSaves_OpenedFromTheFile_RefusedByTheFile_NothingSaved() =>
        PapersOnFileScenarios.RenovationPapersAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public Task ScansOfTheSignedMoveInForms_LandOnTheirPapers_ASecondBesideTheFirst_BadScansAndRefusedWritesSaveNothing() =>
        PapersOnFileScenarios.MoveInScansAsync(factory, DatabaseProvider.Sqlite);
}
