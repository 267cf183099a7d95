namespace PropertyHub.Features.Accounts.Access;

/// <summary>
/// The named actions of the access table (<see cref="AccessTable"/>): each is an authorization policy for pages,
/// endpoints and the hub, and what services demand (<see cref="Permissions.DemandAsync"/>) before they change anything.
/// </summary>
public static class Can
{
    // Everyone on the staff
    public const string UseStaffPages = nameof(UseStaffPages);

    // Reception
    public const string LogContacts = nameof(LogContacts);
    public const string WorkQueue = nameof(WorkQueue);
    public const string EscalateOverdueItems = nameof(EscalateOverdueItems);
    public const string MaintainArchive = nameof(MaintainArchive);
    public const string ReadLedger = nameof(ReadLedger);
    public const string ReviewLedgerDaily = nameof(ReviewLedgerDaily);
    public const string ReviewLedgerWeekly = nameof(ReviewLedgerWeekly);
    public const string SeeMeasures = nameof(SeeMeasures);

    // Registry
    public const string EditRegistry = nameof(EditRegistry);
    public const string ImportRegistry = nameof(ImportRegistry);
    public const string SeeIdNumbers = nameof(SeeIdNumbers);
    public const string RevokePersonalLinks = nameof(RevokePersonalLinks);

    // Occupant file
    public const string RecordTitles = nameof(RecordTitles);
    public const string ManageVip = nameof(ManageVip);
    public const string RemindVipReviews = nameof(RemindVipReviews);
    public const string ServeVips = nameof(ServeVips);
    public const string KeepOccupantDocuments = nameof(KeepOccupantDocuments);
    public const string ReadRestrictedDocuments = nameof(ReadRestrictedDocuments);
    public const string EditDocumentKinds = nameof(EditDocumentKinds);

    // Fees
    public const string SeeFeesMenu = nameof(SeeFeesMenu);
    public const string SeeFeeItems = nameof(SeeFeeItems);
    public const string EditFeeItems = nameof(EditFeeItems);
    public const string TakePayments = nameof(TakePayments);
    public const string ReversePayments = nameof(ReversePayments);
    public const string IssuePaymentRequests = nameof(IssuePaymentRequests);
    public const string Collect = nameof(Collect);
    public const string RecordVisitsForOthers = nameof(RecordVisitsForOthers);
    public const string AssignCollection = nameof(AssignCollection);
    public const string CreateCollectionTasks = nameof(CreateCollectionTasks);
    public const string RecordPaidServices = nameof(RecordPaidServices);
    public const string SeeBooks = nameof(SeeBooks);
    public const string DraftDisclosures = nameof(DraftDisclosures);
    public const string EditDisclosures = nameof(EditDisclosures);
    public const string ApproveDisclosures = nameof(ApproveDisclosures);
    public const string CorrectDisclosures = nameof(CorrectDisclosures);

    // Maintenance fund
    public const string SeeFund = nameof(SeeFund);
    public const string KeepFund = nameof(KeepFund);
    public const string ApproveFundExpenditures = nameof(ApproveFundExpenditures);
    public const string ChargeRepairsToFund = nameof(ChargeRepairsToFund);

    // Notices
    public const string SeeNotices = nameof(SeeNotices);
    public const string ManageNotices = nameof(ManageNotices);
    public const string PrintLetters = nameof(PrintLetters);
    public const string SeeDeliveryErrors = nameof(SeeDeliveryErrors);
    public const string DeliverNotices = nameof(DeliverNotices);

    // Surveys
    public const string SeeSurveysMenu = nameof(SeeSurveysMenu);
    public const string AnswerSurveys = nameof(AnswerSurveys);
    public const string IssueSurveys = nameof(IssueSurveys);
    public const string EnterPaperForms = nameof(EnterPaperForms);
    public const string SeeSurveyStatistics = nameof(SeeSurveyStatistics);
    public const string WorkFollowUps = nameof(WorkFollowUps);
    public const string WorkRectifications = nameof(WorkRectifications);
    public const string SignOffRectifications = nameof(SignOffRectifications);
    public const string EditSurveyTemplates = nameof(EditSurveyTemplates);

    // Repairs
    public const string RaiseWorkOrders = nameof(RaiseWorkOrders);
    public const string ScheduleRepairs = nameof(ScheduleRepairs);
    public const string WorkVisits = nameof(WorkVisits);
    public const string FollowUpRepairs = nameof(FollowUpRepairs);
    public const string RemindAppointments = nameof(RemindAppointments);
    public const string AskToMoveVisits = nameof(AskToMoveVisits);
    public const string DispatchRepairs = nameof(DispatchRepairs);
    public const string AcceptRepairsByLink = nameof(AcceptRepairsByLink);
    public const string SeeRepairMeasures = nameof(SeeRepairMeasures);
    // Renovation
    public const string SeeRenovations = nameof(SeeRenovations);
    public const string HandleRenovations = nameof(HandleRenovations);
    public const string ReviewRenovations = nameof(ReviewRenovations);
    public const string CheckPasses = nameof(CheckPasses);
    public const string InspectRenovations = nameof(InspectRenovations);
    public const string SignRenovationsByLink = nameof(SignRenovationsByLink);
    public const string RaiseRenovationAlerts = nameof(RaiseRenovationAlerts);

    // Move-in
    public const string SeeMoveIns = nameof(SeeMoveIns);
    public const string PlanMoveIns = nameof(PlanMoveIns);
    public const string HandOverUnits = nameof(HandOverUnits);
    public const string PickHandoverSlots = nameof(PickHandoverSlots);
    public const string SignKeysByLink = nameof(SignKeysByLink);
    public const string RemindMoveIns = nameof(RemindMoveIns);
    public const string HandleProxyServices = nameof(HandleProxyServices);
    public const string EscalateLateProxyServices = nameof(EscalateLateProxyServices);

    // Administration and operations
    public const string CreateUsers = nameof(CreateUsers);
    public const string AdministerUsers = nameof(AdministerUsers);
    public const string EditCalendar = nameof(EditCalendar);
    public const string SeeDuties = nameof(SeeDuties);
    public const string RunDuties = nameof(RunDuties);
    public const string ManageJobs = nameof(ManageJobs);
    public const string ReadMetrics = nameof(ReadMetrics);
    public const string SetUpDatabase = nameof(SetUpDatabase);
    public const string SeedDemoData = nameof(SeedDemoData);
}
