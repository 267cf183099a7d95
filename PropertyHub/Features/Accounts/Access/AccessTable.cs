using System.Security.Claims;
using static PropertyHub.Features.Accounts.Roles;

namespace PropertyHub.Features.Accounts.Access;

/// <summary>
/// One action of the access table: the roles that may do it, whether any signed-in staff member may, whether an
/// occupant without an account may (through a personal link), and whether the system may (scheduled duties, seeding,
/// the command line).
/// </summary>
public sealed record AccessRule(string Action, string Area, string Summary, IReadOnlyList<string> Roles, bool System = false, bool AnySignedIn = false, bool Anyone = false)
{
    public bool AllowsRole(string role) => Anyone || AnySignedIn || Roles.Contains(role);

    /// <summary>Whether a signed-in user with these roles may do it (claims or database roles, the caller decides).</summary>
    public bool AllowsRoles(IEnumerable<string> roles) => Anyone || AnySignedIn || roles.Any(Roles.Contains);
}

/// <summary>
/// Who may do what: the one place authorization is decided. Pages, endpoints and the hub use these as policies
/// (<see cref="AccessExtensions"/>); services demand them (<see cref="Permissions"/>); the README's security section is
/// generated from it (<see cref="SecurityDocument"/>).
/// </summary>
public static class AccessTable
{
    private static readonly string[] Desk = [Clerk, Supervisor, Manager, Admin];
    private static readonly string[] Leads = [Supervisor, Manager, Admin];
    private static readonly string[] None = [];

    public static readonly IReadOnlyList<AccessRule> Rules = Build();

    private static readonly Dictionary<string, AccessRule> ByAction = Rules.ToDictionary(r => r.Action, StringComparer.Ordinal);

    public static AccessRule Rule(string action) =>
        ByAction.TryGetValue(action, out var rule) ? rule : throw new ArgumentException($"'{action}' is not in the access table", nameof(action));

    /// <summary>What the user's sign-in claims allow: for showing or hiding controls. Services re-check with <see cref="Permissions"/>.</summary>
    public static bool Allows(string action, ClaimsPrincipal? user)
    {
        var rule = Rule(action);
        if (rule.Anyone)
            return true;
        return user?.Identity?.IsAuthenticated == true && (rule.AnySignedIn || rule.Roles.Any(user.IsInRole));
    }

    private static List<AccessRule> Build()
    {
        var rules = new List<AccessRule>
        {
            new(Can.UseStaffPages, "Staff", "Open the home page, estates, units, occupants, the queue, the information archive and the notice board; receive live queue updates", None, AnySignedIn: true),

            new(Can.LogContacts, "Reception", "Log contacts on the intake page", Desk),
            new(Can.WorkQueue, "Reception", "Assign, transfer, add notes to, escalate, reply to, close and reopen queue items; open the wallboard", Leads),
            new(Can.EscalateOverdueItems, "Reception", "Escalate items past their reply deadline (the escalation sweep)", None, System: true),
            new(Can.MaintainArchive, "Reception", "Add, change and delete information archive entries", Leads),
            new(Can.ReadLedger, "Reception", "Read and export the front-desk ledger", Desk),
            new(Can.ReviewLedgerDaily, "Reception", "Record the daily ledger review", Leads),
            new(Can.ReviewLedgerWeekly, "Reception", "Record the weekly ledger review", [Manager, Admin]),
            new(Can.SeeMeasures, "Reception", "See the reception measures", Leads),

            new(Can.EditRegistry, "Registry", "Add and change buildings, units and occupants", Desk),
            new(Can.ImportRegistry, "Registry", "Import the registry from a spreadsheet; export it (with phone numbers)", Desk),
            new(Can.SeeIdNumbers, "Registry", "See ID numbers in full (on screen and in the export)", [Manager, Admin]),
            new(Can.RevokePersonalLinks, "Registry", "See an occupant's personal links on the unit page, revoke and re-issue them", Leads, System: true),

            new(Can.RecordTitles, "Occupant file", "Record a unit's first owner on file and transfers to a new owner, with the title records (contract, certificate number, payment proof)", Desk),
            new(Can.ManageVip, "Occupant file", "Mark an occupant VIP with the service agreed (service manager, shorter deadlines, contact times, review date)", [Manager]),
            new(Can.ServeVips, "Occupant file", "Be a VIP's service manager (offered in the VIP profile; the VIP's items are raised to them first)", [Clerk, Supervisor, Manager]),
            new(Can.RemindVipReviews, "Occupant file", "Remind of VIP reviews due (the review duty)", None, System: true),
            new(Can.KeepOccupantDocuments, "Occupant file", "See an occupant's document checklist, the missing documents report and the file cover; record papers on file with their scans; open scans that are not restricted (every opening is recorded)", Desk, System: true),
            new(Can.ReadRestrictedDocuments, "Occupant file", "Open the scans of restricted documents (identity and title documents); every opening is recorded", [Manager, Admin]),
            new(Can.EditDocumentKinds, "Occupant file", "Add, rename, restrict, retire and delete (when unused) the kinds of document on the checklist", [Admin]),

            new(Can.SeeFeeItems, "Fees", "See the fee items and their rates", [Finance, Manager, Admin, Supervisor]),
            new(Can.EditFeeItems, "Fees", "Add and change fee items and rates", [Finance, Admin]),
            new(Can.TakePayments, "Fees", "Take payments at the counter and print receipts", [Finance, Clerk]),
            new(Can.ReversePayments, "Fees", "Reverse a payment (with a reason)", [Finance]),
            new(Can.IssuePaymentRequests, "Fees", "Issue the month's payment requests", None, System: true),
            new(Can.Collect, "Fees", "Record visits on collection tasks assigned to them (or to nobody) and send reminders", [Finance, Clerk, Engineer]),
            new(Can.RecordVisitsForOthers, "Fees", "Record a visit on a collection task assigned to someone else", [Finance, Manager]),
            new(Can.AssignCollection, "Fees", "Assign collection tasks to staff", [Finance, Manager]),
            new(Can.CreateCollectionTasks, "Fees", "Create the month's collection tasks", None, System: true),
            new(Can.RecordPaidServices, "Fees", "Record paid services and take the occupant's signature", [Engineer, Clerk, Finance]),
            new(Can.SeeBooks, "Fees", "See the fee books, reports and disclosures; export the fee report", [Finance, Manager, Admin]),
            new(Can.DraftDisclosures, "Fees", "Draft the half-year income and expenditure disclosure", None, System: true),
            new(Can.EditDisclosures, "Fees", "Write a disclosure's expenditure lines and notes", [Finance]),
            new(Can.ApproveDisclosures, "Fees", "Approve and publish a disclosure", [Manager]),
            new(Can.CorrectDisclosures, "Fees", "Reopen a published disclosure for correction", [Finance, Manager]),

            new(Can.SeeFund, "Maintenance fund", "See the fund accounts, the ledger, the bank expense lists, the reconciliation and the fund reports (and export them)", [Finance, Manager, Admin]),
            new(Can.KeepFund, "Maintenance fund", "Open fund accounts, record receipts, request expenditures, reverse lines, draw up and submit bank expense lists, mark lines paid, import bank statements, match, explain and close months", [Finance]),
            new(Can.ApproveFundExpenditures, "Maintenance fund", "Approve or reject fund expenditures (above the threshold, a second Manager approves too)", [Manager]),
            new(Can.ChargeRepairsToFund, "Maintenance fund", "Charge a repair work order to the fund: request its expenditure from the work order", [Supervisor, Manager]),

            new(Can.SeeNotices, "Notices", "See every notice with its subject, state and why a delivery failed (the notices page, the unit page)", Leads),
            new(Can.ManageNotices, "Notices", "Re-send and cancel notices; post on the notice board", Leads),
            new(Can.PrintLetters, "Notices", "Print letter batches and mark them delivered", Desk),
            new(Can.SeeDeliveryErrors, "Notices", "See the technical detail of a failed delivery (the others see its reason in words)", [Admin]),
            new(Can.DeliverNotices, "Notices", "Send due e-mail and SMS notices", None, System: true),

            new(Can.AnswerSurveys, "Surveys", "Answer an evaluation form through a personal link", None, AnySignedIn: true, Anyone: true),
            new(Can.IssueSurveys, "Surveys", "Issue the quarter's evaluation forms", None, System: true),
            new(Can.EnterPaperForms, "Surveys", "Type in paper evaluation forms", [Clerk, Supervisor, Manager]),
            new(Can.SeeSurveyStatistics, "Surveys", "See and export survey statistics", Leads),
            new(Can.WorkFollowUps, "Surveys", "Record follow-up calls and visits", [Clerk, Supervisor, Manager]),
            new(Can.WorkRectifications, "Surveys", "Assign and work rectifications", [Supervisor, Manager]),
            new(Can.SignOffRectifications, "Surveys", "Sign off or send back a done rectification", [Manager]),
            new(Can.EditSurveyTemplates, "Surveys", "Change the evaluation form's items", [Manager]),

            new(Can.RaiseWorkOrders, "Repairs", "Create the work order of a repair request; raise work orders for common areas and routine checks", [Clerk, Supervisor, Manager, Admin, Engineer]),
            new(Can.ScheduleRepairs, "Repairs", "Agree and move repair appointments; cancel work orders (with a reason)", Desk),
            new(Can.WorkVisits, "Repairs", "Record arrival, the work done and the occupant's acceptance on their own visits", [Engineer]),
            new(Can.FollowUpRepairs, "Repairs", "Record follow-up calls on completed repairs and close them", Desk),
            new(Can.AskToMoveVisits, "Repairs", "Ask to move a repair visit through a personal link", None, AnySignedIn: true, Anyone: true),
            new(Can.DispatchRepairs, "Repairs", "Open the dispatch board: the engineers' days and weeks, overlaps, and the work orders to assign", Leads),
            new(Can.AcceptRepairsByLink, "Repairs", "Accept (or not) a finished repair and sign it through a personal link, when not present at the visit", None, AnySignedIn: true, Anyone: true),
            new(Can.SeeRepairMeasures, "Repairs", "See the repair measures (follow-up rate, appointments kept, times, first-visit fixes, satisfaction, rework)", Leads),
            new(Can.RemindAppointments, "Repairs", "Remind occupants of the next day's repair visits (the evening-before duty)", None, System: true),
            new(Can.SeeRenovations, "Renovation", "See renovations with their papers, signatures, receipts and permits", [Clerk, Supervisor, Manager, Engineer, Finance, Admin]),
            new(Can.HandleRenovations, "Renovation", "Take renovation applications (and correct returned ones), the agreements' signatures on the tablet or by personal link, issue construction permits and passes, and take permit and passes back", Desk),
            new(Can.ReviewRenovations, "Renovation", "Review a renovation plan against the residential use covenant: approve with the deposit due, or return with reasons", [Engineer, Supervisor, Manager]),

            new(Can.CheckPasses, "Renovation", "Check a worker's pass at the gate (every check is logged)", [Security, Supervisor, Manager, Admin]),
            new(Can.InspectRenovations, "Renovation", "Record patrols of renovation works and the completion inspection with damage and its charge", [Engineer, Supervisor, Manager]),
            new(Can.SignRenovationsByLink, "Renovation", "Sign a renovation's agreement through a personal link", None, AnySignedIn: true, Anyone: true),
            new(Can.RaiseRenovationAlerts, "Renovation", "Raise the renovation duty's notices and queue items (permits and passes expiring, works overdue, passes not returned)", None, System: true),

            new(Can.SeeMoveIns, "Move-in", "See move-in batches, each unit's move-in record and the proxy services", [Clerk, Supervisor, Manager, Admin, Finance, Engineer]),
            new(Can.PlanMoveIns, "Move-in", "Plan move-in batches (units, owners, handover days and slots) and send the advance notices", Leads),
            new(Can.HandOverUnits, "Move-in", "Walk an owner through the move-in at the counter: documents received, the house inspection with its defects raised as work orders, the key receipt signed on the tablet, the move-in record", Desk),
            new(Can.PickHandoverSlots, "Move-in", "Pick a handover slot through the personal link of the advance notice", None, AnySignedIn: true, Anyone: true),
            new(Can.SignKeysByLink, "Move-in", "Sign the key receipt through a personal link when not at the counter", None, AnySignedIn: true, Anyone: true),
            new(Can.RemindMoveIns, "Move-in", "Remind owners of their handover (the reminder duty)", None, System: true),
            new(Can.HandleProxyServices, "Move-in", "Agree proxy services with their fee and promised date, take the letter of authority's signature on the tablet, note progress, mark them done (billed once as a paid service)", Desk),
            new(Can.EscalateLateProxyServices, "Move-in", "Put proxy services past their promised date on the queue (the daily duty)", None, System: true),

            new(Can.CreateUsers, "Administration", "Create staff users (the command line creates the first administrator)", [Admin], System: true),
            new(Can.AdministerUsers, "Administration", "List users, set their roles, disable and re-enable them", [Admin]),
            new(Can.EditCalendar, "Administration", "Change an estate's service calendar", [Admin]),
            new(Can.SeeDuties, "Operations", "See the scheduled duties and the jobs dashboard", Leads),
            new(Can.RunDuties, "Operations", "Run a scheduled duty now", Leads, System: true),
            new(Can.ManageJobs, "Operations", "Change jobs on the jobs dashboard (trigger, delete) and restore a removed schedule", [Admin]),
            new(Can.ReadMetrics, "Operations", "Read /metrics (also a scraper with the metrics token)", [Admin]),
            new(Can.SetUpDatabase, "Operations", "Create the standard data at start-up (the standard evaluation form)", None, System: true),
            new(Can.SeedDemoData, "Operations", "Seed the demo data at start-up", None, System: true),
        };
        // The menu groups show to anyone who may do something inside them.
        rules.Add(Union(Can.SeeFeesMenu, "Fees", "See the fees menu", rules, Can.SeeFeeItems, Can.TakePayments, Can.Collect, Can.AssignCollection, Can.RecordPaidServices, Can.SeeBooks));
        rules.Add(Union(Can.SeeSurveysMenu, "Surveys", "See the surveys menu", rules, Can.EnterPaperForms, Can.SeeSurveyStatistics, Can.WorkFollowUps, Can.WorkRectifications, Can.EditSurveyTemplates));
        return rules;
    }

    private static AccessRule Union(string action, string area, string summary, List<AccessRule> rules, params string[] of)
    {
        var roles = rules.Where(r => of.Contains(r.Action)).SelectMany(r => r.Roles).ToHashSet();
        return new AccessRule(action, area, summary, [.. All.Where(roles.Contains)]);
    }
}
