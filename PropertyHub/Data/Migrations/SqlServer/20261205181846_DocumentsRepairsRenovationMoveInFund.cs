using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PropertyHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DocumentsRepairsRenovationMoveInFund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReturnedAt",
                table: "WorkerPasses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "WorkerPasses",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WriteOffReason",
                table: "WorkerPasses",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phrase",
                table: "TimelineEntries",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Charges",
                table: "RenovationPayments",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "PatrolId",
                table: "RenovationDocuments",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PermitReturnedAt",
                table: "RenovationApplications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitReturnedBy",
                table: "RenovationApplications",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PermitSeq",
                table: "RenovationApplications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitWriteOffReason",
                table: "RenovationApplications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PermitYear",
                table: "RenovationApplications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsAdjustment",
                table: "FundEntries",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "StatementLineId",
                table: "FundEntries",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    NameHans = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    NameHant = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Restricted = table.Column<bool>(type: "bit", nullable: false),
                    Retired = table.Column<bool>(type: "bit", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentKinds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundAccountId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ClosingBalance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundMonths_FundAccounts_FundAccountId",
                        column: x => x.FundAccountId,
                        principalTable: "FundAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundAccountId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ClosingBalance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Lines = table.Column<int>(type: "int", nullable: false),
                    ImportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundStatements_FundAccounts_FundAccountId",
                        column: x => x.FundAccountId,
                        principalTable: "FundAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EstateId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    NoticesSentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInBatches_Estates_EstateId",
                        column: x => x.EstateId,
                        principalTable: "Estates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProxyServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EstateId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    OccupantId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Fee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PromisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Signature = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    WitnessedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DoneBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    LateRequestId = table.Column<int>(type: "int", nullable: true),
                    PaidServiceId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProxyServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProxyServices_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProxyServices_PaidServices_PaidServiceId",
                        column: x => x.PaidServiceId,
                        principalTable: "PaidServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProxyServices_ServiceRequests_LateRequestId",
                        column: x => x.LateRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProxyServices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ServiceRequestId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationAlerts_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationAlerts_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    InspectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    InspectedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    FailedChecks = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Damage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Charge = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationInspections_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationPatrols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    PatrolledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PatrolledBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IsViolation = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationPatrols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationPatrols_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WorkOrderId = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TakenByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderPhotos_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrderPhotos_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OccupantDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccupantId = table.Column<int>(type: "int", nullable: false),
                    KindId = table.Column<int>(type: "int", nullable: false),
                    IsOriginal = table.Column<bool>(type: "bit", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SourceNote = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupantDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OccupantDocuments_DocumentKinds_KindId",
                        column: x => x.KindId,
                        principalTable: "DocumentKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OccupantDocuments_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OccupantDocuments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundStatementLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundStatementId = table.Column<int>(type: "int", nullable: false),
                    FundAccountId = table.Column<int>(type: "int", nullable: false),
                    Row = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Balance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Counterparty = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MatchedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    MatchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AutoMatched = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundStatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundStatementLines_FundStatements_FundStatementId",
                        column: x => x.FundStatementId,
                        principalTable: "FundStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time", nullable: false),
                    End = table.Column<TimeOnly>(type: "time", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInSlots_MoveInBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "MoveInBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProxyServiceNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProxyServiceId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProxyServiceNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProxyServiceNotes_ProxyServices_ProxyServiceId",
                        column: x => x.ProxyServiceId,
                        principalTable: "ProxyServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DocumentId = table.Column<int>(type: "int", nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Download = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentReads_OccupantDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "OccupantDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<int>(type: "int", nullable: false),
                    EstateId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    OccupantId = table.Column<int>(type: "int", nullable: false),
                    SlotId = table.Column<int>(type: "int", nullable: true),
                    SlotPickedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    InspectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    InspectedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Keys = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    KeysSignature = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: true),
                    KeysSignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    KeysWitnessedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    MovedInOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Record = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveIns_MoveInBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "MoveInBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveIns_MoveInSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "MoveInSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveIns_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveIns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInDefects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MoveInId = table.Column<int>(type: "int", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    WorkOrderId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInDefects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInDefects_MoveIns_MoveInId",
                        column: x => x.MoveInId,
                        principalTable: "MoveIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MoveInDefects_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MoveInId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInDocuments_MoveIns_MoveInId",
                        column: x => x.MoveInId,
                        principalTable: "MoveIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MoveInReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MoveInId = table.Column<int>(type: "int", nullable: false),
                    PaymentId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInReceipts_MoveIns_MoveInId",
                        column: x => x.MoveInId,
                        principalTable: "MoveIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MoveInReceipts_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "DocumentKinds",
                columns: new[] { "Id", "NameEn", "NameHans", "NameHant", "Order", "Restricted", "Retired" },
                values: new object[,]
                {
                    { 1, "Residential use covenant", "住宅使用公约", "住宅使用公約", 1, false, false },
                    { 2, "Renovation management rules", "装修管理办法", "裝修管理辦法", 2, false, false },
                    { 3, "Renovation management agreement", "装修管理协议", "裝修管理協議", 3, false, false },
                    { 4, "Move-in procedure form", "入伙手续书", "入伙手續書", 4, false, false },
                    { 5, "Agency service authorisation", "代办服务委托书", "代辦服務委託書", 5, false, false },
                    { 6, "Key custody authorisation or undertaking", "保管钥匙委托书/承诺书", "保管鑰匙委託書/承諾書", 6, false, false },
                    { 7, "Home acceptance form", "房屋验收表", "房屋驗收表", 7, false, false },
                    { 8, "Key receipt form", "钥匙签收表", "鑰匙簽收表", 8, false, false },
                    { 9, "Occupant information form", "业户信息表", "業戶信息表", 9, false, false },
                    { 10, "Move-in papers receipt form", "入伙资料签收表", "入伙資料簽收表", 10, false, false },
                    { 11, "Construction worker register", "施工人员登记表", "施工人員登記表", 11, false, false },
                    { 12, "Safety responsibility statement", "安全责任书", "安全責任書", 12, false, false },
                    { 13, "Contractor qualification copies", "施工单位资质复印件", "施工單位資質複印件", 13, false, false },
                    { 14, "Identity documents", "身份证明文件", "身份證明文件", 14, true, false },
                    { 15, "Public security permit", "治安许可证", "治安許可證", 15, false, false },
                    { 16, "Rental permit", "租赁许可证", "租賃許可證", 16, false, false },
                    { 17, "Title documents", "权属文件", "權屬文件", 17, true, false },
                    { 18, "Paid service records", "有偿服务记录", "有償服務記錄", 18, false, false },
                    { 19, "Renovation completion inspection record", "装修竣工验收记录", "裝修竣工驗收記錄", 19, false, false }
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationDocuments_PatrolId",
                table: "RenovationDocuments",
                column: "PatrolId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_PermitYear_PermitSeq",
                table: "RenovationApplications",
                columns: new[] { "PermitYear", "PermitSeq" },
                unique: true,
                filter: "[PermitYear] IS NOT NULL AND [PermitSeq] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_StatementLineId",
                table: "FundEntries",
                column: "StatementLineId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReads_DocumentId_At",
                table: "DocumentReads",
                columns: new[] { "DocumentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FundMonths_FundAccountId_Month",
                table: "FundMonths",
                columns: new[] { "FundAccountId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundStatementLines_FundAccountId_Date",
                table: "FundStatementLines",
                columns: new[] { "FundAccountId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FundStatementLines_FundStatementId_Row",
                table: "FundStatementLines",
                columns: new[] { "FundStatementId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_FundStatements_FundAccountId_Month",
                table: "FundStatements",
                columns: new[] { "FundAccountId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInBatches_EstateId_FirstDay",
                table: "MoveInBatches",
                columns: new[] { "EstateId", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_MoveInDefects_MoveInId",
                table: "MoveInDefects",
                column: "MoveInId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInDefects_WorkOrderId",
                table: "MoveInDefects",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInDocuments_MoveInId_Key",
                table: "MoveInDocuments",
                columns: new[] { "MoveInId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInReceipts_MoveInId",
                table: "MoveInReceipts",
                column: "MoveInId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInReceipts_PaymentId",
                table: "MoveInReceipts",
                column: "PaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_BatchId",
                table: "MoveIns",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_OccupantId",
                table: "MoveIns",
                column: "OccupantId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_SlotId",
                table: "MoveIns",
                column: "SlotId",
                unique: true,
                filter: "[SlotId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_UnitId",
                table: "MoveIns",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInSlots_BatchId_Day_Start",
                table: "MoveInSlots",
                columns: new[] { "BatchId", "Day", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_FileId",
                table: "OccupantDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_KindId",
                table: "OccupantDocuments",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments",
                columns: new[] { "OccupantId", "KindId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServiceNotes_ProxyServiceId",
                table: "ProxyServiceNotes",
                column: "ProxyServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_LateRequestId",
                table: "ProxyServices",
                column: "LateRequestId",
                unique: true,
                filter: "[LateRequestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_OccupantId",
                table: "ProxyServices",
                column: "OccupantId");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_PaidServiceId",
                table: "ProxyServices",
                column: "PaidServiceId",
                unique: true,
                filter: "[PaidServiceId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_Status_PromisedOn",
                table: "ProxyServices",
                columns: new[] { "Status", "PromisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_UnitId",
                table: "ProxyServices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAlerts_ApplicationId",
                table: "RenovationAlerts",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAlerts_Key",
                table: "RenovationAlerts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAlerts_ServiceRequestId",
                table: "RenovationAlerts",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationInspections_ApplicationId",
                table: "RenovationInspections",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPatrols_ApplicationId_Id",
                table: "RenovationPatrols",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderPhotos_FileId",
                table: "WorkOrderPhotos",
                column: "FileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderPhotos_WorkOrderId_Id",
                table: "WorkOrderPhotos",
                columns: new[] { "WorkOrderId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntries_FundStatementLines_StatementLineId",
                table: "FundEntries",
                column: "StatementLineId",
                principalTable: "FundStatementLines",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RenovationDocuments_RenovationPatrols_PatrolId",
                table: "RenovationDocuments",
                column: "PatrolId",
                principalTable: "RenovationPatrols",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundEntries_FundStatementLines_StatementLineId",
                table: "FundEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RenovationDocuments_RenovationPatrols_PatrolId",
                table: "RenovationDocuments");

            migrationBuilder.DropTable(
                name: "DocumentReads");

            migrationBuilder.DropTable(
                name: "FundMonths");

            migrationBuilder.DropTable(
                name: "FundStatementLines");

            migrationBuilder.DropTable(
                name: "MoveInDefects");

            migrationBuilder.DropTable(
                name: "MoveInDocuments");

            migrationBuilder.DropTable(
                name: "MoveInReceipts");

            migrationBuilder.DropTable(
                name: "ProxyServiceNotes");

            migrationBuilder.DropTable(
                name: "RenovationAlerts");

            migrationBuilder.DropTable(
                name: "RenovationInspections");

            migrationBuilder.DropTable(
                name: "RenovationPatrols");

            migrationBuilder.DropTable(
                name: "WorkOrderPhotos");

            migrationBuilder.DropTable(
                name: "OccupantDocuments");

            migrationBuilder.DropTable(
                name: "FundStatements");

            migrationBuilder.DropTable(
                name: "MoveIns");

            migrationBuilder.DropTable(
                name: "ProxyServices");

            migrationBuilder.DropTable(
                name: "DocumentKinds");

            migrationBuilder.DropTable(
                name: "MoveInSlots");

            migrationBuilder.DropTable(
                name: "MoveInBatches");

            migrationBuilder.DropIndex(
                name: "IX_RenovationDocuments_PatrolId",
                table: "RenovationDocuments");

            migrationBuilder.DropIndex(
                name: "IX_RenovationApplications_PermitYear_PermitSeq",
                table: "RenovationApplications");

            migrationBuilder.DropIndex(
                name: "IX_FundEntries_StatementLineId",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                table: "WorkerPasses");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                table: "WorkerPasses");

            migrationBuilder.DropColumn(
                name: "WriteOffReason",
                table: "WorkerPasses");

            migrationBuilder.DropColumn(
                name: "Phrase",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Charges",
                table: "RenovationPayments");

            migrationBuilder.DropColumn(
                name: "PatrolId",
                table: "RenovationDocuments");

            migrationBuilder.DropColumn(
                name: "PermitReturnedAt",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitReturnedBy",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitSeq",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitWriteOffReason",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitYear",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "IsAdjustment",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "StatementLineId",
                table: "FundEntries");
        }
    }
}
