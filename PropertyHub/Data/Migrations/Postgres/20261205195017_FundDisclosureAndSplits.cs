using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundDisclosureAndSplits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_EstateId_HalfYear_Revision",
                table: "Disclosures");

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
                name: "IX_Disclosures_EstateId_HalfYear_Revision",
                table: "Disclosures",
                columns: new[] { "EstateId", "HalfYear", "Revision" },
                unique: true);
        }
    }
}
