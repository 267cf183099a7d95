using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FundReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAdjustment",
                table: "FundEntries",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "StatementLineId",
                table: "FundEntries",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FundMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundAccountId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ClosingBalance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundMonths_FundAccounts_FundAccountId",
                        column: x => x.FundAccountId,
                        principalTable: "FundAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundAccountId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ClosingBalance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Lines = table.Column<int>(type: "int", nullable: false),
                    ImportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundStatements_FundAccounts_FundAccountId",
                        column: x => x.FundAccountId,
                        principalTable: "FundAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundStatementLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundStatementId = table.Column<int>(type: "int", nullable: false),
                    FundAccountId = table.Column<int>(type: "int", nullable: false),
                    Row = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Balance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Counterparty = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MatchedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    MatchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AutoMatched = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundStatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundStatementLines_FundStatements_FundStatementId",
                        column: x => x.FundStatementId,
                        principalTable: "FundStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_StatementLineId",
                table: "FundEntries",
                column: "StatementLineId");

            migrationBuilder.CreateIndex(
                name: "IX_FundMonths_FundAccountId_Month",
                table: "FundMonths",
                columns: new[] { "FundAccountId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundStatementLines_FundAccountId_Date",
                table: "FundStatementLines",
                columns: new[] { "FundAccountId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FundStatementLines_FundStatementId_Row",
                table: "FundStatementLines",
                columns: new[] { "FundStatementId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_FundStatements_FundAccountId_Month",
                table: "FundStatements",
                columns: new[] { "FundAccountId", "Month" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntries_FundStatementLines_StatementLineId",
                table: "FundEntries",
                column: "StatementLineId",
                principalTable: "FundStatementLines",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundEntries_FundStatementLines_StatementLineId",
                table: "FundEntries");

            migrationBuilder.DropTable(
                name: "FundMonths");

            migrationBuilder.DropTable(
                name: "FundStatementLines");

            migrationBuilder.DropTable(
                name: "FundStatements");

            migrationBuilder.DropIndex(
                name: "IX_FundEntries_StatementLineId",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "IsAdjustment",
                table: "FundEntries");

            migrationBuilder.DropColumn(
                name: "StatementLineId",
                table: "FundEntries");
        }
    }
}
