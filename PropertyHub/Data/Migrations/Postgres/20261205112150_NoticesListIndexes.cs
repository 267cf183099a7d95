using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticesListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Notices_Channel_Id",
                table: "Notices",
                columns: new[] { "Channel", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Kind_Id",
                table: "Notices",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Status_Id",
                table: "Notices",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Channel_Id",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Notices_Kind_Id",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Notices_Status_Id",
                table: "Notices");
        }
    }
}
