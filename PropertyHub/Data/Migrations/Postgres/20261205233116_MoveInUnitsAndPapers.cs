using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MoveInUnitsAndPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MoveInSlots_BatchId_Day_Start",
                table: "MoveInSlots");

            migrationBuilder.AddColumn<string>(
                name: "PrintLink",
                table: "OccupantDocuments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MoveInKey",
                table: "MoveInSlots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MoveInId",
                table: "MoveInBatchChanges",
                type: "integer",
                nullable: true);

            migrationBuilder.InsertData(
                table: "DocumentKinds",
                columns: new[] { "Id", "NameEn", "NameHans", "NameHant", "Order", "Restricted", "Retired" },
                values: new object[,]
                {
                    { 20, "Renovation drawings", "装修图纸", "裝修圖紙", 20, false, false },
                    { 21, "Renovation completion inspection photos", "装修竣工验收照片", "裝修竣工驗收照片", 21, false, false },
                    { 22, "Renovation receipts and refund vouchers", "装修收据及退款凭证", "裝修收據及退款憑證", 22, false, false }
                });

            migrationBuilder.CreateIndex(
                name: "IX_MoveInSlots_BatchId_MoveInKey_Day_Start",
                table: "MoveInSlots",
                columns: new[] { "BatchId", "MoveInKey", "Day", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInBatchChanges_MoveInId_Id",
                table: "MoveInBatchChanges",
                columns: new[] { "MoveInId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_MoveInBatchChanges_MoveIns_MoveInId",
                table: "MoveInBatchChanges",
                column: "MoveInId",
                principalTable: "MoveIns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MoveInBatchChanges_MoveIns_MoveInId",
                table: "MoveInBatchChanges");

            migrationBuilder.DropIndex(
                name: "IX_MoveInSlots_BatchId_MoveInKey_Day_Start",
                table: "MoveInSlots");

            migrationBuilder.DropIndex(
                name: "IX_MoveInBatchChanges_MoveInId_Id",
                table: "MoveInBatchChanges");

            migrationBuilder.DeleteData(
                table: "DocumentKinds",
                keyColumn: "Id",
                keyValue: 20);

            migrationBuilder.DeleteData(
                table: "DocumentKinds",
                keyColumn: "Id",
                keyValue: 21);

            migrationBuilder.DeleteData(
                table: "DocumentKinds",
                keyColumn: "Id",
                keyValue: 22);

            migrationBuilder.DropColumn(
                name: "PrintLink",
                table: "OccupantDocuments");

            migrationBuilder.DropColumn(
                name: "MoveInKey",
                table: "MoveInSlots");

            migrationBuilder.DropColumn(
                name: "MoveInId",
                table: "MoveInBatchChanges");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInSlots_BatchId_Day_Start",
                table: "MoveInSlots",
                columns: new[] { "BatchId", "Day", "Start" },
                unique: true);
        }
    }
}
