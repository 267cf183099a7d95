using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "SealedLink",
                table: "Notices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SealedLink",
                table: "Notices",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.RenameColumn(
                name: "SealedLink",
                table: "Notices",
                newName: "Link");
        }
    }
}
