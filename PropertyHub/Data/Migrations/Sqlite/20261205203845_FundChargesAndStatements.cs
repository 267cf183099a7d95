using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundChargesAndStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FileId",
                table: "FundStatements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkOrderId",
                table: "FundEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FundBankMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundBankMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundStatements_FileId",
                table: "FundStatements",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_WorkOrderId",
                table: "FundEntries",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_FundBankMappings_BankName",
                table: "FundBankMappings",
                column: "BankName",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntries_WorkOrders_WorkOrderId",
                table: "FundEntries",
                column: "WorkOrderId",
                principalTable: "WorkOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundStatements_StoredFiles_FileId",
                table: "FundStatements",
                column: "FileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundEntries_WorkOrders_WorkOrderId",
                table: "FundEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_FundStatements_StoredFiles_FileId",
                table: "FundStatements");

            migrationBuilder.DropTable(
                name: "FundBankMappings");

            migrationBuilder.DropIndex(
                name: "IX_FundStatements_FileId",
                table: "FundStatements");

            migrationBuilder.DropIndex(
                name: "IX_FundEntries_WorkOrderId",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "FileId",
                table: "FundStatements");

            migrationBuilder.DropColumn(
                name: "WorkOrderId",
                table: "FundEntries");
        }
    }
}
