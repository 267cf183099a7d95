using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OccupantFileTrialFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments",
                columns: new[] { "OccupantId", "KindId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_OccupantDocuments_OccupantId_KindId",
                table: "OccupantDocuments",
                columns: new[] { "OccupantId", "KindId" },
                unique: true);
        }
    }
}
