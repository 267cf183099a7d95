using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VipOneNotion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "VipProfiles",
                type: "timestamp with time zone",
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
