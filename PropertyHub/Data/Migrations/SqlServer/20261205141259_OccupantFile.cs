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
            migrationBuilder.AddColumn<string>(
                name: "ServiceManagerId",
                table: "ServiceRequests",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceManagerName",
                table: "ServiceRequests",
                type: "nvarchar(max)",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "VipProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccupantId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ServiceManagerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ServiceManagerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ComplaintReplyHours = table.Column<int>(type: "int", nullable: true),
                    RepairScheduleHours = table.Column<int>(type: "int", nullable: true),
                    CallBackMinutes = table.Column<int>(type: "int", nullable: true),
                    ContactTimes = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContactChannel = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VipProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VipProfiles_AspNetUsers_ServiceManagerId",
                        column: x => x.ServiceManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VipProfiles_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VipReviewReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VipProfileId = table.Column<int>(type: "int", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VipReviewReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VipReviewReminders_VipProfiles_VipProfileId",
                        column: x => x.VipProfileId,
                        principalTable: "VipProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_VipProfiles_OccupantId",
                table: "VipProfiles",
                column: "OccupantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VipProfiles_ReviewOn_Id",
                table: "VipProfiles",
                columns: new[] { "ReviewOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VipProfiles_ServiceManagerId",
                table: "VipProfiles",
                column: "ServiceManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_VipReviewReminders_VipProfileId_ReviewOn",
                table: "VipReviewReminders",
                columns: new[] { "VipProfileId", "ReviewOn" },
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

            migrationBuilder.DropTable(
                name: "VipReviewReminders");

            migrationBuilder.DropTable(
                name: "VipProfiles");

            migrationBuilder.DropIndex(
                name: "IX_PaymentRequestLines_OwnerId",
                table: "PaymentRequestLines");

            migrationBuilder.DropColumn(
                name: "ServiceManagerId",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "ServiceManagerName",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "PaymentRequestLines");
        }
    }
}
