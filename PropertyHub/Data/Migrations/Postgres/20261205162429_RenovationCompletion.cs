using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RenovationCompletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReturnedAt",
                table: "WorkerPasses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "WorkerPasses",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WriteOffReason",
                table: "WorkerPasses",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Charges",
                table: "RenovationPayments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "PatrolId",
                table: "RenovationDocuments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PermitReturnedAt",
                table: "RenovationApplications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitReturnedBy",
                table: "RenovationApplications",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PermitSeq",
                table: "RenovationApplications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitWriteOffReason",
                table: "RenovationApplications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PermitYear",
                table: "RenovationApplications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RenovationAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServiceRequestId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationAlerts_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationAlerts_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    InspectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InspectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FailedChecks = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Damage = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Charge = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationInspections_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationPatrols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    PatrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PatrolledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Findings = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsViolation = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationPatrols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationPatrols_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationDocuments_PatrolId",
                table: "RenovationDocuments",
                column: "PatrolId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_PermitYear_PermitSeq",
                table: "RenovationApplications",
                columns: new[] { "PermitYear", "PermitSeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAlerts_ApplicationId",
                table: "RenovationAlerts",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAlerts_Key",
                table: "RenovationAlerts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAlerts_ServiceRequestId",
                table: "RenovationAlerts",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationInspections_ApplicationId",
                table: "RenovationInspections",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPatrols_ApplicationId_Id",
                table: "RenovationPatrols",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_RenovationDocuments_RenovationPatrols_PatrolId",
                table: "RenovationDocuments",
                column: "PatrolId",
                principalTable: "RenovationPatrols",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RenovationDocuments_RenovationPatrols_PatrolId",
                table: "RenovationDocuments");

            migrationBuilder.DropTable(
                name: "RenovationAlerts");

            migrationBuilder.DropTable(
                name: "RenovationInspections");

            migrationBuilder.DropTable(
                name: "RenovationPatrols");

            migrationBuilder.DropIndex(
                name: "IX_RenovationDocuments_PatrolId",
                table: "RenovationDocuments");

            migrationBuilder.DropIndex(
                name: "IX_RenovationApplications_PermitYear_PermitSeq",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                table: "WorkerPasses");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                table: "WorkerPasses");

            migrationBuilder.DropColumn(
                name: "WriteOffReason",
                table: "WorkerPasses");

            migrationBuilder.DropColumn(
                name: "Charges",
                table: "RenovationPayments");

            migrationBuilder.DropColumn(
                name: "PatrolId",
                table: "RenovationDocuments");

            migrationBuilder.DropColumn(
                name: "PermitReturnedAt",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitReturnedBy",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitSeq",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitWriteOffReason",
                table: "RenovationApplications");

            migrationBuilder.DropColumn(
                name: "PermitYear",
                table: "RenovationApplications");
        }
    }
}
