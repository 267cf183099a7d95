using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JobTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobTallies",
                columns: table => new
                {
                    JobId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Runs = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<long>(type: "bigint", nullable: false),
                    LastStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    LastStartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastFinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobTallies", x => x.JobId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobTallies");
        }
    }
}
