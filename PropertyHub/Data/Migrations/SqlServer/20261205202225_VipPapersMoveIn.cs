using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VipPapersMoveIn : Migration
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "VipProfiles",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CancelKey",
                table: "MoveIns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "MoveInBatches",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MoveInBatchChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FromFirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    FromLastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ToFirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ToLastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
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
                name: "IX_MoveInBatchChanges_BatchId_Id",
                table: "MoveInBatchChanges",
                columns: new[] { "BatchId", "Id" });
            // One VIP notion: occupants flagged without a profile get one (or lose the flag); see VipOneNotionData.
            VipOneNotionData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MoveInBatchChanges");

            migrationBuilder.DropIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments");

            migrationBuilder.DropIndex(
                name: "IX_MoveIns_UnitId_CancelKey",
                table: "MoveIns");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "VipProfiles");

            migrationBuilder.DropColumn(
                name: "CancelKey",
                table: "MoveIns");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "MoveInBatches");

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
        }
    }
}
