using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RenovationAndMoveInPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrintLink",
                table: "OccupantDocuments",
                type: "character varying(200)",
                maxLength: 200,
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
