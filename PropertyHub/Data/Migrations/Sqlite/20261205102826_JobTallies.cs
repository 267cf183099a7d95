using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
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
                    JobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false),
                    LastStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
