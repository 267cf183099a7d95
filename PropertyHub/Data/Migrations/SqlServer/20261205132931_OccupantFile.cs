using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OccupantFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OwnerId",
                table: "PaymentRequestLines",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TitleRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    OccupantId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    PurchaseContract = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    CertificateNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    PaymentProof = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitleRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TitleRecords_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TitleRecords_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequestLines_OwnerId",
                table: "PaymentRequestLines",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_TitleRecords_OccupantId",
                table: "TitleRecords",
                column: "OccupantId");

            migrationBuilder.CreateIndex(
                name: "IX_TitleRecords_UnitId_From",
                table: "TitleRecords",
                columns: new[] { "UnitId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TitleRecords_UnitId_Sequence",
                table: "TitleRecords",
                columns: new[] { "UnitId", "Sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PaymentRequestLines_Occupants_OwnerId",
                table: "PaymentRequestLines",
                column: "OwnerId",
                principalTable: "Occupants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PaymentRequestLines_Occupants_OwnerId",
                table: "PaymentRequestLines");

            migrationBuilder.DropTable(
                name: "TitleRecords");

            migrationBuilder.DropIndex(
                name: "IX_PaymentRequestLines_OwnerId",
                table: "PaymentRequestLines");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "PaymentRequestLines");
        }
    }
}
