using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VipOneNotion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "VipProfiles",
                type: "INTEGER",
                nullable: true);

            // One VIP notion: flagged occupants without a profile get one with the estate's defaults (or, with nobody
            // who may serve VIPs, lose the flag); profiles of occupants no longer flagged are marked ended.
            VipOneNotionData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "VipProfiles");
        }
    }
}
