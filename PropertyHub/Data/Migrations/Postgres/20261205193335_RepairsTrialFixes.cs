using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RepairsTrialFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VisitChecks",
                table: "WorkOrders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phrase",
                table: "PaymentRequestLines",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TypePhrase",
                table: "PaidServices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VisitChecks",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "Phrase",
                table: "PaymentRequestLines");

            migrationBuilder.DropColumn(
                name: "TypePhrase",
                table: "PaidServices");
        }
    }
}
