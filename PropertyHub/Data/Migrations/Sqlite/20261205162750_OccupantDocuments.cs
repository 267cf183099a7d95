using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OccupantDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameHans = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameHant = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Restricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentKinds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OccupantDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccupantId = table.Column<int>(type: "INTEGER", nullable: false),
                    KindId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOriginal = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupantDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OccupantDocuments_DocumentKinds_KindId",
                        column: x => x.KindId,
                        principalTable: "DocumentKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OccupantDocuments_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OccupantDocuments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Download = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentReads_OccupantDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "OccupantDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "DocumentKinds",
                columns: new[] { "Id", "NameEn", "NameHans", "NameHant", "Order", "Restricted", "Retired" },
                values: new object[,]
                {
                    { 1, "Residential use covenant", "住宅使用公约", "住宅使用公約", 1, false, false },
                    { 2, "Renovation management rules", "装修管理办法", "裝修管理辦法", 2, false, false },
                    { 3, "Renovation management agreement", "装修管理协议", "裝修管理協議", 3, false, false },
                    { 4, "Move-in procedure form", "入伙手续书", "入伙手續書", 4, false, false },
                    { 5, "Agency service authorisation", "代办服务委托书", "代辦服務委託書", 5, false, false },
                    { 6, "Key custody authorisation or undertaking", "保管钥匙委托书/承诺书", "保管鑰匙委託書/承諾書", 6, false, false },
                    { 7, "Home acceptance form", "房屋验收表", "房屋驗收表", 7, false, false },
                    { 8, "Key receipt form", "钥匙签收表", "鑰匙簽收表", 8, false, false },
                    { 9, "Occupant information form", "业户信息表", "業戶信息表", 9, false, false },
                    { 10, "Move-in papers receipt form", "入伙资料签收表", "入伙資料簽收表", 10, false, false },
                    { 11, "Construction worker register", "施工人员登记表", "施工人員登記表", 11, false, false },
                    { 12, "Safety responsibility statement", "安全责任书", "安全責任書", 12, false, false },
                    { 13, "Contractor qualification copies", "施工单位资质复印件", "施工單位資質複印件", 13, false, false },
                    { 14, "Identity documents", "身份证明文件", "身份證明文件", 14, true, false },
                    { 15, "Public security permit", "治安许可证", "治安許可證", 15, false, false },
                    { 16, "Rental permit", "租赁许可证", "租賃許可證", 16, false, false },
                    { 17, "Title documents", "权属文件", "權屬文件", 17, true, false },
                    { 18, "Paid service records", "有偿服务记录", "有償服務記錄", 18, false, false }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReads_DocumentId_At",
                table: "DocumentReads",
                columns: new[] { "DocumentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_FileId",
                table: "OccupantDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_KindId",
                table: "OccupantDocuments",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments",
                columns: new[] { "OccupantId", "KindId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentReads");

            migrationBuilder.DropTable(
                name: "OccupantDocuments");

            migrationBuilder.DropTable(
                name: "DocumentKinds");
        }
    }
}
