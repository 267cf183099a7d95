using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VipPapersMoveInFundRepairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments");

            migrationBuilder.DropIndex(
                name: "IX_MoveIns_UnitId",
                table: "MoveIns");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_EstateId_HalfYear_Revision",
                table: "Disclosures");

            migrationBuilder.AddColumn<string>(
                name: "VisitChecks",
                table: "WorkOrders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "VipProfiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phrase",
                table: "PaymentRequestLines",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TypePhrase",
                table: "PaidServices",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CancelKey",
                table: "MoveIns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "MoveInBatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BuildingId",
                table: "FundEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommonPart",
                table: "FundEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FundAccountId",
                table: "Disclosures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "fees");

            migrationBuilder.CreateTable(
                name: "MoveInBatchChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromFirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromLastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToFirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToLastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInBatchChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInBatchChanges_MoveInBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "MoveInBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments",
                columns: new[] { "OccupantId", "KindId" });

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_UnitId_CancelKey",
                table: "MoveIns",
                columns: new[] { "UnitId", "CancelKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_BuildingId",
                table: "FundEntries",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_EstateId_Subject_HalfYear_Revision",
                table: "Disclosures",
                columns: new[] { "EstateId", "Subject", "HalfYear", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_FundAccountId",
                table: "Disclosures",
                column: "FundAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInBatchChanges_BatchId_Id",
                table: "MoveInBatchChanges",
                columns: new[] { "BatchId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Disclosures_FundAccounts_FundAccountId",
                table: "Disclosures",
                column: "FundAccountId",
                principalTable: "FundAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntries_Buildings_BuildingId",
                table: "FundEntries",
                column: "BuildingId",
                principalTable: "Buildings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            // One VIP notion: occupants flagged without a profile get one (or lose the flag); see VipOneNotionData.
            VipOneNotionData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disclosures_FundAccounts_FundAccountId",
                table: "Disclosures");

            migrationBuilder.DropForeignKey(
                name: "FK_FundEntries_Buildings_BuildingId",
                table: "FundEntries");

            migrationBuilder.DropTable(
                name: "MoveInBatchChanges");

            migrationBuilder.DropIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments");

            migrationBuilder.DropIndex(
                name: "IX_MoveIns_UnitId_CancelKey",
                table: "MoveIns");

            migrationBuilder.DropIndex(
                name: "IX_FundEntries_BuildingId",
                table: "FundEntries");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_EstateId_Subject_HalfYear_Revision",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_FundAccountId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "VisitChecks",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "VipProfiles");

            migrationBuilder.DropColumn(
                name: "Phrase",
                table: "PaymentRequestLines");

            migrationBuilder.DropColumn(
                name: "TypePhrase",
                table: "PaidServices");

            migrationBuilder.DropColumn(
                name: "CancelKey",
                table: "MoveIns");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "MoveInBatches");

            migrationBuilder.DropColumn(
                name: "BuildingId",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "CommonPart",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "FundAccountId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments",
                columns: new[] { "OccupantId", "KindId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_UnitId",
                table: "MoveIns",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_EstateId_HalfYear_Revision",
                table: "Disclosures",
                columns: new[] { "EstateId", "HalfYear", "Revision" },
                unique: true);
        }
    }
}
