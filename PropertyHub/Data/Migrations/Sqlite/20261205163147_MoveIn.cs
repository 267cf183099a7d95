using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoveIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MoveInBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EstateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticesSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInBatches_Estates_EstateId",
                        column: x => x.EstateId,
                        principalTable: "Estates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProxyServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EstateId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PromisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WitnessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LateRequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaidServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProxyServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProxyServices_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProxyServices_PaidServices_PaidServiceId",
                        column: x => x.PaidServiceId,
                        principalTable: "PaidServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProxyServices_ServiceRequests_LateRequestId",
                        column: x => x.LateRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProxyServices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInSlots_MoveInBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "MoveInBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProxyServiceNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProxyServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProxyServiceNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProxyServiceNotes_ProxyServices_ProxyServiceId",
                        column: x => x.ProxyServiceId,
                        principalTable: "ProxyServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MoveIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    EstateId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupantId = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotId = table.Column<int>(type: "INTEGER", nullable: true),
                    SlotPickedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Keys = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    KeysSignature = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    KeysSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    KeysWitnessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MovedInOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Record = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveIns_MoveInBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "MoveInBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveIns_MoveInSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "MoveInSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveIns_Occupants_OccupantId",
                        column: x => x.OccupantId,
                        principalTable: "Occupants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveIns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInDefects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MoveInId = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WorkOrderId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInDefects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInDefects_MoveIns_MoveInId",
                        column: x => x.MoveInId,
                        principalTable: "MoveIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MoveInDefects_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MoveInId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInDocuments_MoveIns_MoveInId",
                        column: x => x.MoveInId,
                        principalTable: "MoveIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MoveInReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MoveInId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInReceipts_MoveIns_MoveInId",
                        column: x => x.MoveInId,
                        principalTable: "MoveIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MoveInReceipts_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MoveInBatches_EstateId_FirstDay",
                table: "MoveInBatches",
                columns: new[] { "EstateId", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_MoveInDefects_MoveInId",
                table: "MoveInDefects",
                column: "MoveInId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInDefects_WorkOrderId",
                table: "MoveInDefects",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInDocuments_MoveInId_Key",
                table: "MoveInDocuments",
                columns: new[] { "MoveInId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInReceipts_MoveInId",
                table: "MoveInReceipts",
                column: "MoveInId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInReceipts_PaymentId",
                table: "MoveInReceipts",
                column: "PaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_BatchId",
                table: "MoveIns",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_OccupantId",
                table: "MoveIns",
                column: "OccupantId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_SlotId",
                table: "MoveIns",
                column: "SlotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveIns_UnitId",
                table: "MoveIns",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInSlots_BatchId_Day_Start",
                table: "MoveInSlots",
                columns: new[] { "BatchId", "Day", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServiceNotes_ProxyServiceId",
                table: "ProxyServiceNotes",
                column: "ProxyServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_LateRequestId",
                table: "ProxyServices",
                column: "LateRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_OccupantId",
                table: "ProxyServices",
                column: "OccupantId");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_PaidServiceId",
                table: "ProxyServices",
                column: "PaidServiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_Status_PromisedOn",
                table: "ProxyServices",
                columns: new[] { "Status", "PromisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProxyServices_UnitId",
                table: "ProxyServices",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MoveInDefects");

            migrationBuilder.DropTable(
                name: "MoveInDocuments");

            migrationBuilder.DropTable(
                name: "MoveInReceipts");

            migrationBuilder.DropTable(
                name: "ProxyServiceNotes");

            migrationBuilder.DropTable(
                name: "MoveIns");

            migrationBuilder.DropTable(
                name: "ProxyServices");

            migrationBuilder.DropTable(
                name: "MoveInSlots");

            migrationBuilder.DropTable(
                name: "MoveInBatches");
        }
    }
}
