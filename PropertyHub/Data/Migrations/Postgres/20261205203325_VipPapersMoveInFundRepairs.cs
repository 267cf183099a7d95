using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "VipProfiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phrase",
                table: "PaymentRequestLines",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TypePhrase",
                table: "PaidServices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CancelKey",
                table: "MoveIns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "MoveInBatches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BuildingId",
                table: "FundEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommonPart",
                table: "FundEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FundAccountId",
                table: "Disclosures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Disclosures",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "fees");

            migrationBuilder.CreateTable(
                name: "MoveInBatchChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromFirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    FromLastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ToFirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ToLastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
