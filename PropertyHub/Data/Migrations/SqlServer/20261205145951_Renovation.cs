using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Renovation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RenovationApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EstateId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    OccupantId = table.Column<int>(type: "int", nullable: false),
                    ContractorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContractorLicence = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ContractorContact = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContractorPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PlanDescription = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FailedChecks = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReturnReasons = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    OwnerSignature = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: true),
                    OwnerSignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OwnerWitnessedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ContractorSigner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContractorSignature = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: true),
                    ContractorSignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ContractorWitnessedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Deposit = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Fee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PermitNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PermitFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PermitTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PermitIssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PermitIssuedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationApplications_Estates_EstateId",
                        column: x => x.EstateId,
                        principalTable: "Estates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationApplications_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationApplications_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationDocuments_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RenovationDocuments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    EstateId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Deposit = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Fee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ReceiptYear = table.Column<int>(type: "int", nullable: false),
                    ReceiptSeq = table.Column<int>(type: "int", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationPayments_Estates_EstateId",
                        column: x => x.EstateId,
                        principalTable: "Estates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationPayments_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationWorkers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationWorkers_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkerPasses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    WorkerId = table.Column<int>(type: "int", nullable: false),
                    Ordinal = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    PhotoFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IssuedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RevokeReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerPasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkerPasses_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkerPasses_RenovationWorkers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "RenovationWorkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GateChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    PassId = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CheckedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateChecks_WorkerPasses_PassId",
                        column: x => x.PassId,
                        principalTable: "WorkerPasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GateChecks_PassId_Id",
                table: "GateChecks",
                columns: new[] { "PassId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_EstateId",
                table: "RenovationApplications",
                column: "EstateId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_OccupantId",
                table: "RenovationApplications",
                column: "OccupantId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_PermitNumber",
                table: "RenovationApplications",
                column: "PermitNumber",
                unique: true,
                filter: "[PermitNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_Status_Id",
                table: "RenovationApplications",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_UnitId",
                table: "RenovationApplications",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationDocuments_ApplicationId",
                table: "RenovationDocuments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationDocuments_FileId",
                table: "RenovationDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPayments_ApplicationId_Kind",
                table: "RenovationPayments",
                columns: new[] { "ApplicationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPayments_EstateId_ReceiptYear_ReceiptSeq",
                table: "RenovationPayments",
                columns: new[] { "EstateId", "ReceiptYear", "ReceiptSeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationWorkers_ApplicationId",
                table: "RenovationWorkers",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkerPasses_ApplicationId_Ordinal",
                table: "WorkerPasses",
                columns: new[] { "ApplicationId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkerPasses_Number",
                table: "WorkerPasses",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkerPasses_WorkerId",
                table: "WorkerPasses",
                column: "WorkerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GateChecks");

            migrationBuilder.DropTable(
                name: "RenovationDocuments");

            migrationBuilder.DropTable(
                name: "RenovationPayments");

            migrationBuilder.DropTable(
                name: "WorkerPasses");

            migrationBuilder.DropTable(
                name: "RenovationWorkers");

            migrationBuilder.DropTable(
                name: "RenovationApplications");
        }
    }
}
