using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoveInUnitChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MoveInSlots_BatchId_Day_Start",
                table: "MoveInSlots");

            migrationBuilder.AddColumn<int>(
                name: "MoveInKey",
                table: "MoveInSlots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MoveInId",
                table: "MoveInBatchChanges",
                type: "INTEGER",
                nullable: true);

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
