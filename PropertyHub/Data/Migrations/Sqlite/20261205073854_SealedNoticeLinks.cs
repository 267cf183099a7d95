using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedNoticeLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The values stay: stored before links were sealed, they are plain URLs, which the first start seals
            // (notices still waiting) or clears (notices sent) under the start-up lock (Features/Notices/PlainLinks).
            migrationBuilder.RenameColumn(
                name: "Link",
                table: "Notices",
                newName: "SealedLink");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SealedLink",
                table: "Notices",
                newName: "Link");
        }
    }
}
