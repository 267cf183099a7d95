using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Books;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.BankLists;
using PropertyHub.Features.Fund.Disclosures;
using PropertyHub.Features.Fund.Documents;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.Fund.Reports;
using PropertyHub.Features.Repairs.FundCharges;
using PropertyHub.Features.Notices;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Demo;
using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.Reception.IntakeDesk;
using PropertyHub.Features.Reception.Knowledge;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.Reception.Measures;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Repairs.Measures;
using PropertyHub.Features.Registry.Import;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.FollowUps;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Features.Surveys.Statistics;
using PropertyHub.Features.Surveys.Templates;

namespace PropertyHub.Features.Accounts.Access;

/// <summary>
/// Every public method of the feature services, by "Type.Method": the actions a change demands first (any one of them
/// suffices), or <see cref="Reads"/> for a query that changes nothing. The access tests fail on a method missing here.
/// </summary>
public static class ServiceActions
{
    public static readonly IReadOnlyDictionary<string, string[]> Changes = new Dictionary<string, string[]>
    {
        // Reception
        [Key<ReceptionService>(nameof(ReceptionService.LogAsync))] = [Can.LogContacts],
        [Key<ReceptionService>(nameof(ReceptionService.AssignAsync))] = [Can.WorkQueue],
        [Key<ReceptionService>(nameof(ReceptionService.TransferAsync))] = [Can.WorkQueue],
        [Key<ReceptionService>(nameof(ReceptionService.AddNoteAsync))] = [Can.WorkQueue],
        [Key<ReceptionService>(nameof(ReceptionService.EscalateAsync))] = [Can.WorkQueue],
        [Key<ReceptionService>(nameof(ReceptionService.ReplyAsync))] = [Can.WorkQueue],
        [Key<ReceptionService>(nameof(ReceptionService.CloseAsync))] = [Can.WorkQueue],
        [Key<ReceptionService>(nameof(ReceptionService.ReopenAsync))] = [Can.WorkQueue],
        [Key<EscalationSweep>(nameof(EscalationSweep.RunAsync))] = [Can.EscalateOverdueItems],
        [Key<EscalationSweep>(nameof(EscalationSweep.SweepAsync))] = [Can.EscalateOverdueItems],
        [Key<KnowledgeService>(nameof(KnowledgeService.SaveAsync))] = [Can.MaintainArchive],
        [Key<KnowledgeService>(nameof(KnowledgeService.DeleteAsync))] = [Can.MaintainArchive],
        [Key<LedgerReviewService>(nameof(LedgerReviewService.RecordAsync))] = [Can.ReviewLedgerDaily, Can.ReviewLedgerWeekly],

        // Registry
        [Key<RegistryService>(nameof(RegistryService.SaveBuildingAsync))] = [Can.EditRegistry],
        [Key<RegistryService>(nameof(RegistryService.SaveUnitAsync))] = [Can.EditRegistry],
        [Key<RegistryService>(nameof(RegistryService.SaveOccupantAsync))] = [Can.EditRegistry],
        [Key<RegistryImporter>(nameof(RegistryImporter.CommitAsync))] = [Can.ImportRegistry],
        [Key<RegistryExporter>(nameof(RegistryExporter.ExportAsync))] = [Can.ImportRegistry],

        // Occupant file
        [Key<TitleService>(nameof(TitleService.TransferAsync))] = [Can.RecordTitles],
        [Key<VipService>(nameof(VipService.SaveAsync))] = [Can.ManageVip],
        [Key<VipService>(nameof(VipService.EndAsync))] = [Can.ManageVip],
        [Key<TitleService>(nameof(TitleService.EditRecordsAsync))] = [Can.RecordTitles],
        [Key<VipReviewReminders>(nameof(VipReviewReminders.RemindAsync))] = [Can.RemindVipReviews],
        [Key<OccupantDocuments>(nameof(OccupantDocuments.RecordAsync))] = [Can.KeepOccupantDocuments],
        [Key<OccupantDocuments>(nameof(OccupantDocuments.PutOnFileAsync))] = [Can.KeepOccupantDocuments],
        [Key<DocumentKinds>(nameof(DocumentKinds.SaveAsync))] = [Can.EditDocumentKinds],
        [Key<DocumentKinds>(nameof(DocumentKinds.RetireAsync))] = [Can.EditDocumentKinds],
        [Key<DocumentKinds>(nameof(DocumentKinds.DeleteAsync))] = [Can.EditDocumentKinds],
        [Key<PersonalLinkService>(nameof(PersonalLinkService.RevokeAsync))] = [Can.RevokePersonalLinks],
        [Key<OccupantLinks>(nameof(OccupantLinks.RevokeAsync))] = [Can.RevokePersonalLinks],
        [Key<OccupantLinks>(nameof(OccupantLinks.ReissueAsync))] = [Can.RevokePersonalLinks],

        // Fees
        [Key<FeeService>(nameof(FeeService.AddItemAsync))] = [Can.EditFeeItems],
        [Key<FeeService>(nameof(FeeService.UpdateItemAsync))] = [Can.EditFeeItems],
        [Key<FeeService>(nameof(FeeService.AddRateAsync))] = [Can.EditFeeItems],
        [Key<PaymentService>(nameof(PaymentService.RecordAsync))] = [Can.TakePayments],
        [Key<PaymentService>(nameof(PaymentService.ReverseAsync))] = [Can.ReversePayments],
        [Key<PaymentRequestIssuer>(nameof(PaymentRequestIssuer.IssueAsync))] = [Can.IssuePaymentRequests],
        [Key<CollectionVisits>(nameof(CollectionVisits.RecordAsync))] = [Can.Collect, Can.RecordVisitsForOthers],
        [Key<CollectionVisits>(nameof(CollectionVisits.SendReminderAsync))] = [Can.Collect],
        [Key<CollectionService>(nameof(CollectionService.AssignAsync))] = [Can.AssignCollection],
        [Key<CollectionService>(nameof(CollectionService.AssignBuildingAsync))] = [Can.AssignCollection],
        [Key<CollectionTaskCreator>(nameof(CollectionTaskCreator.CreateAsync))] = [Can.CreateCollectionTasks],
        [Key<PaidServiceService>(nameof(PaidServiceService.RecordAsync))] = [Can.RecordPaidServices],
        [Key<PaidServiceService>(nameof(PaidServiceService.UpdateAsync))] = [Can.RecordPaidServices],
        [Key<PaidServiceService>(nameof(PaidServiceService.SignAsync))] = [Can.RecordPaidServices],
        [Key<PaidServiceService>(nameof(PaidServiceService.DeleteAsync))] = [Can.RecordPaidServices],

        // Renovation
        [Key<RenovationService>(nameof(RenovationService.SubmitAsync))] = [Can.HandleRenovations],
        [Key<RenovationService>(nameof(RenovationService.ReviewAsync))] = [Can.ReviewRenovations],
        [Key<RenovationService>(nameof(RenovationService.SignAsync))] = [Can.HandleRenovations],
        [Key<RenovationService>(nameof(RenovationService.CollectAsync))] = [Can.TakePayments],
        [Key<RenovationService>(nameof(RenovationService.IssuePermitAsync))] = [Can.HandleRenovations],
        [Key<WorkerPassService>(nameof(WorkerPassService.IssueAsync))] = [Can.HandleRenovations],
        [Key<WorkerPassService>(nameof(WorkerPassService.AddWorkerAsync))] = [Can.HandleRenovations],
        [Key<WorkerPassService>(nameof(WorkerPassService.RevokeAsync))] = [Can.HandleRenovations],
        // A check is logged: it writes, so it is a change of its own.
        [Key<WorkerPassService>(nameof(WorkerPassService.CheckAsync))] = [Can.CheckPasses],
        // Move-in
        [Key<MoveInBatchService>(nameof(MoveInBatchService.CreateAsync))] = [Can.PlanMoveIns],
        [Key<MoveInBatchService>(nameof(MoveInBatchService.SendNoticesAsync))] = [Can.PlanMoveIns],
        [Key<MoveInBatchChanges>(nameof(MoveInBatchChanges.MoveAsync))] = [Can.PlanMoveIns],
        [Key<MoveInBatchChanges>(nameof(MoveInBatchChanges.CancelAsync))] = [Can.PlanMoveIns],
        [Key<MoveInUnitChanges>(nameof(MoveInUnitChanges.MoveAsync))] = [Can.PlanMoveIns],
        [Key<MoveInUnitChanges>(nameof(MoveInUnitChanges.CancelAsync))] = [Can.PlanMoveIns],
        [Key<HandoverSlots>(nameof(HandoverSlots.PickAsync))] = [Can.PickHandoverSlots],
        [Key<MoveInKeyLinks>(nameof(MoveInKeyLinks.SendAsync))] = [Can.HandOverUnits],
        [Key<MoveInKeyLinks>(nameof(MoveInKeyLinks.SignAsync))] = [Can.SignKeysByLink],
        [Key<MoveInReminders>(nameof(MoveInReminders.RemindAsync))] = [Can.RemindMoveIns],
        [Key<MoveInService>(nameof(MoveInService.ReceiveDocumentsAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.AddDefectAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.RaiseWorkOrderAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.InspectAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.SetKeysAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.SignKeysAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.AddReceiptAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.CompleteAsync))] = [Can.HandOverUnits],
        [Key<MoveInService>(nameof(MoveInService.AttachScanAsync))] = [Can.HandOverUnits],
        [Key<ProxyServiceService>(nameof(ProxyServiceService.RequestAsync))] = [Can.HandleProxyServices],
        [Key<ProxyServiceService>(nameof(ProxyServiceService.SignAsync))] = [Can.HandleProxyServices],
        [Key<ProxyServiceService>(nameof(ProxyServiceService.AddNoteAsync))] = [Can.HandleProxyServices],
        [Key<ProxyServiceService>(nameof(ProxyServiceService.DoneAsync))] = [Can.HandleProxyServices],
        [Key<LateProxyServices>(nameof(LateProxyServices.EscalateAsync))] = [Can.EscalateLateProxyServices],
        [Key<RenovationService>(nameof(RenovationService.ResubmitAsync))] = [Can.HandleRenovations],
        [Key<RenovationCompletionService>(nameof(RenovationCompletionService.RecordPatrolAsync))] = [Can.InspectRenovations],
        [Key<RenovationCompletionService>(nameof(RenovationCompletionService.InspectAsync))] = [Can.InspectRenovations],
        [Key<RenovationCompletionService>(nameof(RenovationCompletionService.ReturnPermitAsync))] = [Can.HandleRenovations],
        [Key<RenovationCompletionService>(nameof(RenovationCompletionService.ReturnPassAsync))] = [Can.HandleRenovations],
        [Key<RenovationCompletionService>(nameof(RenovationCompletionService.RefundAsync))] = [Can.TakePayments],
        [Key<RenovationLinks>(nameof(RenovationLinks.SendAsync))] = [Can.HandleRenovations],
        [Key<RenovationLinks>(nameof(RenovationLinks.SignAsync))] = [Can.SignRenovationsByLink],
        [Key<RenovationAlerts>(nameof(RenovationAlerts.RaiseAsync))] = [Can.RaiseRenovationAlerts],
        [Key<DisclosureDrafter>(nameof(DisclosureDrafter.DraftAsync))] = [Can.DraftDisclosures],
        [Key<FundDisclosureDrafter>(nameof(FundDisclosureDrafter.DraftAsync))] = [Can.DraftDisclosures],
        [Key<FundStatementDrafts>(nameof(FundStatementDrafts.DraftAsync))] = [Can.KeepFund, Can.ApproveFundExpenditures],
        [Key<DisclosureService>(nameof(DisclosureService.AddExpenditureAsync))] = [Can.EditDisclosures],
        [Key<DisclosureService>(nameof(DisclosureService.EditExpenditureAsync))] = [Can.EditDisclosures],
        [Key<DisclosureService>(nameof(DisclosureService.RemoveExpenditureAsync))] = [Can.EditDisclosures],
        [Key<DisclosureService>(nameof(DisclosureService.SetNotesAsync))] = [Can.EditDisclosures],
        [Key<DisclosureService>(nameof(DisclosureService.ApproveAsync))] = [Can.ApproveDisclosures],
        [Key<DisclosureService>(nameof(DisclosureService.PublishAsync))] = [Can.ApproveDisclosures],
        [Key<DisclosureService>(nameof(DisclosureService.CorrectAsync))] = [Can.CorrectDisclosures],

        // Maintenance fund
        [Key<FundService>(nameof(FundService.OpenAccountAsync))] = [Can.KeepFund],
        [Key<FundService>(nameof(FundService.RecordReceiptAsync))] = [Can.KeepFund],
        [Key<FundService>(nameof(FundService.RequestExpenditureAsync))] = [Can.KeepFund],
        [Key<FundService>(nameof(FundService.ReverseAsync))] = [Can.KeepFund],
        [Key<FundApprovals>(nameof(FundApprovals.ApproveAsync))] = [Can.ApproveFundExpenditures],
        [Key<FundApprovals>(nameof(FundApprovals.RejectAsync))] = [Can.ApproveFundExpenditures],
        [Key<WorkOrderFundCharges>(nameof(WorkOrderFundCharges.ChargeAsync))] = [Can.ChargeRepairsToFund],
        [Key<BankListService>(nameof(BankListService.CreateAsync))] = [Can.KeepFund],
        [Key<BankListService>(nameof(BankListService.SubmitAsync))] = [Can.KeepFund],
        [Key<BankListService>(nameof(BankListService.MarkPaidAsync))] = [Can.KeepFund],
        [Key<FundDocuments>(nameof(FundDocuments.AttachAsync))] = [Can.KeepFund],
        [Key<StatementImport>(nameof(StatementImport.ImportAsync))] = [Can.KeepFund],
        [Key<ReconciliationService>(nameof(ReconciliationService.MatchAsync))] = [Can.KeepFund],
        [Key<ReconciliationService>(nameof(ReconciliationService.UnmatchAsync))] = [Can.KeepFund],
        [Key<ReconciliationService>(nameof(ReconciliationService.ResolveAsync))] = [Can.KeepFund],
        [Key<ReconciliationService>(nameof(ReconciliationService.ReverseInMonthAsync))] = [Can.KeepFund],
        [Key<ReconciliationService>(nameof(ReconciliationService.CloseAsync))] = [Can.KeepFund],
        [Key<ReconciliationDuties>(nameof(ReconciliationDuties.OpenMonthAsync))] = [Can.RunDuties],

        // Notices
        [Key<NoticeService>(nameof(NoticeService.ResendAsync))] = [Can.ManageNotices],
        [Key<NoticeService>(nameof(NoticeService.CancelAsync))] = [Can.ManageNotices],
        [Key<NoticeService>(nameof(NoticeService.PostAsync))] = [Can.ManageNotices],
        [Key<NoticeService>(nameof(NoticeService.MarkDeliveredAsync))] = [Can.PrintLetters],
        [Key<NoticeDelivery>(nameof(NoticeDelivery.RunAsync))] = [Can.DeliverNotices],
        [Key<NoticeDelivery>(nameof(NoticeDelivery.DeliverDueAsync))] = [Can.DeliverNotices],

        // Surveys
        [Key<SurveyIssuer>(nameof(SurveyIssuer.IssueAsync))] = [Can.IssueSurveys],
        [Key<SurveyAnswers>(nameof(SurveyAnswers.AnswerOnlineAsync))] = [Can.AnswerSurveys],
        [Key<SurveyAnswers>(nameof(SurveyAnswers.AnswerPaperAsync))] = [Can.EnterPaperForms],
        [Key<FollowUpService>(nameof(FollowUpService.RecordAsync))] = [Can.WorkFollowUps],
        [Key<RectificationService>(nameof(RectificationService.UpdateAsync))] = [Can.WorkRectifications],
        [Key<RectificationService>(nameof(RectificationService.MarkDoneAsync))] = [Can.WorkRectifications],
        [Key<RectificationService>(nameof(RectificationService.SignOffAsync))] = [Can.SignOffRectifications],
        [Key<RectificationService>(nameof(RectificationService.SendBackAsync))] = [Can.SignOffRectifications],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.CreateAsync))] = [Can.EditSurveyTemplates],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.RenameAsync))] = [Can.EditSurveyTemplates],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.ActivateAsync))] = [Can.EditSurveyTemplates],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.AddItemAsync))] = [Can.EditSurveyTemplates],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.EditItemAsync))] = [Can.EditSurveyTemplates],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.MoveItemAsync))] = [Can.EditSurveyTemplates],
        [Key<SurveyTemplateService>(nameof(SurveyTemplateService.SetArchivedAsync))] = [Can.EditSurveyTemplates],
        [Key<StandardSurveyTemplate>(nameof(StandardSurveyTemplate.EnsureAsync))] = [Can.SetUpDatabase],

        // Repairs
        [Key<WorkOrderService>(nameof(WorkOrderService.CreateAsync))] = [Can.RaiseWorkOrders],
        [Key<WorkOrderService>(nameof(WorkOrderService.ScheduleAsync))] = [Can.ScheduleRepairs],
        [Key<WorkOrderService>(nameof(WorkOrderService.CancelAsync))] = [Can.ScheduleRepairs],
        [Key<WorkOrderService>(nameof(WorkOrderService.ArriveAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.FinishAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.SaveChecksAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.SaveWorkDoneAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.RecordAcceptanceAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.AddMaterialAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.AddPhotoAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.SendAcceptanceLinkAsync))] = [Can.WorkVisits],
        [Key<WorkOrderService>(nameof(WorkOrderService.RecordLinkAcceptanceAsync))] = [Can.AcceptRepairsByLink],
        [Key<WorkOrderService>(nameof(WorkOrderService.RecordFollowUpAsync))] = [Can.FollowUpRepairs],
        [Key<WorkOrderService>(nameof(WorkOrderService.CloseAsync))] = [Can.FollowUpRepairs],
        [Key<AppointmentReminders>(nameof(AppointmentReminders.RemindAsync))] = [Can.RemindAppointments],
        [Key<RepairLinks>(nameof(RepairLinks.AskToMoveAsync))] = [Can.AskToMoveVisits],

        // Administration and operations
        [Key<UserAdministration>(nameof(UserAdministration.PageAsync))] = [Can.AdministerUsers],
        [Key<UserAdministration>(nameof(UserAdministration.CreateAsync))] = [Can.CreateUsers],
        [Key<UserAdministration>(nameof(UserAdministration.SetRolesAsync))] = [Can.AdministerUsers],
        [Key<UserAdministration>(nameof(UserAdministration.SetDisabledAsync))] = [Can.AdministerUsers],
        [Key<UserAdministration>(nameof(UserAdministration.SetDepartmentAsync))] = [Can.AdministerUsers],
        [Key<ServiceCalendarService>(nameof(ServiceCalendarService.SaveAsync))] = [Can.EditCalendar],
        [Key<DutyRunner>(nameof(DutyRunner.RunDueAsync))] = [Can.RunDuties],
        [Key<DutyRunner>(nameof(DutyRunner.RunAsync))] = [Can.RunDuties],
        [Key<DutyCatchUp>(nameof(DutyCatchUp.CatchUpAsync))] = [Can.RunDuties],
        [Key<DutiesOverview>(nameof(DutiesOverview.RunNowAsync))] = [Can.RunDuties],
        [Key<DutiesOverview>(nameof(DutiesOverview.RunExtraAsync))] = [Can.RunDuties],
        [Key<DutiesOverview>(nameof(DutiesOverview.RestoreScheduleAsync))] = [Can.ManageJobs],
        [Key<DemoUsers>(nameof(DemoUsers.SeedAsync))] = [Can.SeedDemoData],
        [Key<DemoEstate>(nameof(DemoEstate.SeedAsync))] = [Can.SeedDemoData],
        [Key<DemoArchive>(nameof(DemoArchive.SeedAsync))] = [Can.SeedDemoData],
        [Key<DemoReception>(nameof(DemoReception.SeedAsync))] = [Can.SeedDemoData],
        [Key<DemoFees>(nameof(DemoFees.SeedAsync))] = [Can.SeedDemoData],
        [Key<DemoSurveys>(nameof(DemoSurveys.SeedAsync))] = [Can.SeedDemoData],
    };

    /// <summary>Queries that change nothing; what they show is limited by the pages' policies.</summary>
    public static readonly IReadOnlySet<string> Reads = new HashSet<string>
    {
        Key<WorkOrderFundCharges>(nameof(WorkOrderFundCharges.ChargesAsync)),
        Key<WorkOrderFundCharges>(nameof(WorkOrderFundCharges.DraftAsync)),
        Key<StatementImport>(nameof(StatementImport.MappingAsync)),
        Key<ReconciliationService>(nameof(ReconciliationService.SendStatementFileAsync)),
        Key<ReceptionService>(nameof(ReceptionService.SettingsAsync)),
        Key<ReceptionService>(nameof(ReceptionService.GetAsync)),
        Key<QueueQueries>(nameof(QueueQueries.DefaultEstateIdAsync)),
        Key<QueueQueries>(nameof(QueueQueries.DepartmentOfAsync)),
        Key<FeeBooks>(nameof(FeeBooks.OpeningMonthAsync)),
        Key<SurveyStatistics>(nameof(SurveyStatistics.OpeningQuarterAsync)),
        Key<OccupantLinks>(nameof(OccupantLinks.ForOccupantAsync)),
        Key<QueueQueries>(nameof(QueueQueries.GetPageAsync)),
        Key<QueueQueries>(nameof(QueueQueries.GetCountersAsync)),
        Key<QueueQueries>(nameof(QueueQueries.BuildingsAsync)),
        Key<QueueQueries>(nameof(QueueQueries.StaffAsync)),
        Key<DeskProfile>(nameof(DeskProfile.UserAsync)),
        Key<DeskProfile>(nameof(DeskProfile.EstatesAsync)),
        Key<DeskProfile>(nameof(DeskProfile.CallerAsync)),
        Key<KnowledgeService>(nameof(KnowledgeService.SearchAsync)),
        Key<KnowledgeService>(nameof(KnowledgeService.ListAsync)),
        Key<KnowledgeService>(nameof(KnowledgeService.GetAsync)),
        Key<FeeAnswers>(nameof(FeeAnswers.ForEstateAsync)),
        Key<LedgerService>(nameof(LedgerService.EstatesAsync)),
        Key<LedgerService>(nameof(LedgerService.DefaultEstateAsync)),
        Key<LedgerService>(nameof(LedgerService.PageAsync)),
        Key<LedgerService>(nameof(LedgerService.ExportAsync)),
        Key<LedgerReviewService>(nameof(LedgerReviewService.ListAsync)),
        Key<LedgerReviewService>(nameof(LedgerReviewService.OpenItemsAsync)),
        Key<LedgerReviewService>(nameof(LedgerReviewService.GapsAsync)),
        Key<MeasuresService>(nameof(MeasuresService.ComputeAsync)),

        Key<RegistryService>(nameof(RegistryService.GetEstateTreeAsync)),
        Key<RegistryService>(nameof(RegistryService.GetUnitsAsync)),
        Key<RegistryService>(nameof(RegistryService.GetUnitAsync)),
        Key<RegistryService>(nameof(RegistryService.GetCountsAsync)),
        Key<RegistryService>(nameof(RegistryService.GetBuildingFormAsync)),
        Key<RegistryService>(nameof(RegistryService.GetUnitFormAsync)),
        Key<RegistryService>(nameof(RegistryService.GetOccupantFormAsync)),
        Key<RegistryService>(nameof(RegistryService.SearchAsync)),
        Key<TitleService>(nameof(TitleService.GetHistoryAsync)),
        Key<TitleService>(nameof(TitleService.OwnerOnAsync)),
        Key<TitleService>(nameof(TitleService.OwnershipOfAsync)),
        Key<OccupantDocuments>(nameof(OccupantDocuments.GetChecklistAsync)),
        Key<OccupantDocuments>(nameof(OccupantDocuments.OccupantOfAsync)),
        // Checks access and records the opening (a read, recorded) before sending the scan.
        Key<DocumentScans>(nameof(DocumentScans.SendAsync)),
        Key<DocumentScans>(nameof(DocumentScans.ReadsAsync)),
        Key<DocumentReports>(nameof(DocumentReports.BuildingsAsync)),
        Key<DocumentReports>(nameof(DocumentReports.MissingAsync)),
        Key<DocumentReports>(nameof(DocumentReports.CoverAsync)),
        Key<DocumentKinds>(nameof(DocumentKinds.ListAsync)),
        // Checks an upload's size and kind; reads and stores nothing (the caller's own action stores it).
        Key<PropertyHub.Features.Files.FileIntake>(nameof(PropertyHub.Features.Files.FileIntake.ReadAsync)),
        Key<VipService>(nameof(VipService.GetFormAsync)),
        Key<VipService>(nameof(VipService.EstateDeadlinesAsync)),
        Key<VipService>(nameof(VipService.GetListAsync)),
        Key<VipService>(nameof(VipService.SummaryAsync)),
        Key<VipService>(nameof(VipService.ServiceManagersAsync)),
        Key<PropertyHub.Features.OccupantFile.Timeline.OccupantTimeline>(nameof(PropertyHub.Features.OccupantFile.Timeline.OccupantTimeline.GetPageAsync)),
        Key<PropertyHub.Features.OccupantFile.Timeline.OccupantTimeline>(nameof(PropertyHub.Features.OccupantFile.Timeline.OccupantTimeline.GetAllAsync)),
        Key<RegistryImportValidator>(nameof(RegistryImportValidator.ValidateAsync)),
        Key<RegistryExporter>(nameof(RegistryExporter.EstatesAsync)),
        Key<AuditQueries>(nameof(AuditQueries.PageAsync)),
        Key<PersonalLinkService>(nameof(PersonalLinkService.ResolveAsync)),

        Key<FeeService>(nameof(FeeService.StandardAsync)),
        Key<FeeBooks>(nameof(FeeBooks.FindUnitAsync)),
        Key<FeeBooks>(nameof(FeeBooks.StatementAsync)),
        Key<FeeBooks>(nameof(FeeBooks.EstatesAsync)),
        Key<FeeBooks>(nameof(FeeBooks.BookAsync)),
        Key<FeeReportExport>(nameof(FeeReportExport.ExportAsync)),
        Key<PaymentRequestViews>(nameof(PaymentRequestViews.ByTokenAsync)),
        Key<PaymentRequestViews>(nameof(PaymentRequestViews.ByIdAsync)),
        Key<CollectionService>(nameof(CollectionService.BuildingsAsync)),
        Key<CollectionService>(nameof(CollectionService.MineAsync)),
        Key<CollectionService>(nameof(CollectionService.PageAsync)),
        Key<CollectionService>(nameof(CollectionService.MineOutstandingAsync)),
        Key<CollectionService>(nameof(CollectionService.CollectorsAsync)),
        Key<PaidServiceService>(nameof(PaidServiceService.ForUnitAsync)),
        Key<PaidServiceService>(nameof(PaidServiceService.SheetAsync)),
        Key<PaidServiceService>(nameof(PaidServiceService.FindUnitAsync)),
        Key<PaidServiceService>(nameof(PaidServiceService.UnitAsync)),
        // Checks an upload's size and kind; stores nothing (the feature's own change stores it).
        Key<PropertyHub.Features.Files.FileIntake>(nameof(PropertyHub.Features.Files.FileIntake.ReadAsync)),
        Key<MoveInBatchService>(nameof(MoveInBatchService.PageAsync)),
        Key<MoveInBatchService>(nameof(MoveInBatchService.BatchAsync)),
        Key<MoveInBatchChanges>(nameof(MoveInBatchChanges.HistoryAsync)),
        Key<MoveInPaperNotices>(nameof(MoveInPaperNotices.PendingAsync)),
        Key<HandoverSlots>(nameof(HandoverSlots.ViewAsync)),
        Key<MoveInKeyLinks>(nameof(MoveInKeyLinks.ViewAsync)),
        Key<ProxyServiceService>(nameof(ProxyServiceService.PageAsync)),
        Key<MoveInService>(nameof(MoveInService.SheetAsync)),
        Key<MoveInService>(nameof(MoveInService.ReceivedDocumentsAsync)),
        Key<MoveInService>(nameof(MoveInService.ScansAsync)),
        Key<ProxyServiceService>(nameof(ProxyServiceService.ForUnitAsync)),
        Key<ProxyServiceService>(nameof(ProxyServiceService.SheetAsync)),
        Key<RenovationService>(nameof(RenovationService.PageAsync)),
        Key<RenovationService>(nameof(RenovationService.SheetAsync)),
        Key<RenovationService>(nameof(RenovationService.SendDocumentAsync)),
        Key<WorkerPassService>(nameof(WorkerPassService.ForRenovationAsync)),
        Key<WorkerPassService>(nameof(WorkerPassService.SendPhotoAsync)),
        Key<RenovationService>(nameof(RenovationService.InputAsync)),
        Key<RenovationCompletionService>(nameof(RenovationCompletionService.ViewAsync)),
        // Through a personal link: shows only the paper its token opens.
        Key<RenovationLinks>(nameof(RenovationLinks.ViewAsync)),
        Key<DisclosureDrafter>(nameof(DisclosureDrafter.IncomeAsync)),
        Key<DisclosureService>(nameof(DisclosureService.ListAsync)),
        Key<DisclosureService>(nameof(DisclosureService.GetAsync)),

        Key<FundService>(nameof(FundService.AccountsAsync)),
        Key<FundService>(nameof(FundService.AccountAsync)),
        Key<FundService>(nameof(FundService.BuildingsAsync)),
        Key<FundService>(nameof(FundService.EstatesAsync)),
        Key<FundService>(nameof(FundService.PageAsync)),
        Key<FundApprovals>(nameof(FundApprovals.PendingAsync)),
        Key<BankListService>(nameof(BankListService.PageAsync)),
        Key<BankListService>(nameof(BankListService.SheetAsync)),
        Key<BankListExport>(nameof(BankListExport.ExportAsync)),
        Key<RepairMeasuresExport>(nameof(RepairMeasuresExport.ExportAsync)),
        Key<FundReports>(nameof(FundReports.YearAsync)),
        Key<FundStatementDrafts>(nameof(FundStatementDrafts.OfferAsync)),
        Key<FundReportExport>(nameof(FundReportExport.ExportAsync)),
        Key<FundDisclosureFigures>(nameof(FundDisclosureFigures.BodyAsync)),
        Key<FundDocuments>(nameof(FundDocuments.ListAsync)),
        Key<FundDocuments>(nameof(FundDocuments.SendAsync)),
        Key<ReconciliationService>(nameof(ReconciliationService.MonthAsync)),
        Key<ReconciliationDuties>(nameof(ReconciliationDuties.PendingAsync)),
        Key<ReconciliationService>(nameof(ReconciliationService.MonthsAsync)),
        Key<ReconciliationService>(nameof(ReconciliationService.BankLinesAsync)),
        Key<ReconciliationService>(nameof(ReconciliationService.UnmatchedLedgerAsync)),

        Key<NoticeService>(nameof(NoticeService.PageAsync)),
        Key<NoticeService>(nameof(NoticeService.EstatesAsync)),
        Key<NoticeService>(nameof(NoticeService.BuildingsAsync)),
        Key<NoticeService>(nameof(NoticeService.LetterHeadAsync)),
        Key<NoticeService>(nameof(NoticeService.KindsAsync)),
        Key<NoticeService>(nameof(NoticeService.PendingLettersAsync)),
        Key<NoticeService>(nameof(NoticeService.PendingLettersPageAsync)),
        Key<NoticeService>(nameof(NoticeService.BoardAsync)),

        Key<SurveyAnswers>(nameof(SurveyAnswers.FormAsync)),
        Key<SurveyAnswers>(nameof(SurveyAnswers.EstatesAsync)),
        Key<SurveyAnswers>(nameof(SurveyAnswers.FindForPaperAsync)),
        Key<FollowUpService>(nameof(FollowUpService.ListAsync)),
        Key<FollowUpService>(nameof(FollowUpService.OpenCountAsync)),
        Key<RectificationService>(nameof(RectificationService.ListAsync)),
        Key<RectificationService>(nameof(RectificationService.GetAsync)),
        Key<RectificationService>(nameof(RectificationService.QuartersAsync)),
        Key<UnitSurveys>(nameof(UnitSurveys.ForUnitAsync)),
        Key<SurveyStatistics>(nameof(SurveyStatistics.EstatesAsync)),
        Key<SurveyStatistics>(nameof(SurveyStatistics.ComputeAsync)),
        Key<SurveyStatisticsExport>(nameof(SurveyStatisticsExport.ExportAsync)),
        Key<SurveyTemplateService>(nameof(SurveyTemplateService.ListAsync)),
        Key<SurveyTemplateService>(nameof(SurveyTemplateService.GetAsync)),

        Key<ServiceCalendarService>(nameof(ServiceCalendarService.ListAsync)),
        Key<ServiceCalendarService>(nameof(ServiceCalendarService.GetAsync)),
        Key<ServiceCalendarService>(nameof(ServiceCalendarService.GetCalendarAsync)),
        Key<ServiceCalendarService>(nameof(ServiceCalendarService.IsServiceLineOpenAsync)),
        Key<ServiceCalendarService>(nameof(ServiceCalendarService.IsServiceLineOpenNowAsync)),
        Key<DutiesOverview>(nameof(DutiesOverview.SnapshotAsync)),
        Key<IntakeValidator>(nameof(IntakeValidator.CheckAsync)),
        Key<RegistryImportParser>(nameof(RegistryImportParser.ParseAsync)),

        Key<WorkOrderService>(nameof(WorkOrderService.GetAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.ForRequestAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.PageAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.EngineersAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.WaitingRequestsAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.DefaultEstateIdAsync)),
        Key<RepairLinks>(nameof(RepairLinks.ViewAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.MyVisitsAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.VisitAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.AcceptanceSheetAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.PhotosAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.SendPhotoAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.DispatchBoardAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.UnscheduledAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.AcceptanceLinkAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.MeasuresAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.UnitRepairsAsync)),
        Key<WorkOrderService>(nameof(WorkOrderService.AcceptanceLinksSentAsync)),

        // Who acts and what they may: the checks themselves.
        Key<CurrentActor>(nameof(CurrentActor.GetAsync)),
        Key<CurrentActor>(nameof(CurrentActor.GetPrincipalAsync)),
        Key<CurrentActor>(nameof(CurrentActor.GetActingAsync)),
        Key<Permissions>(nameof(Permissions.MayAsync)),
        Key<Permissions>(nameof(Permissions.AllowsAsync)),
        Key<Permissions>(nameof(Permissions.DemandAsync)),
        // The signed-in user's own password again (leaving the signing kiosk): counts towards their lockout only.
        Key<StaffPasswordCheck>(nameof(StaffPasswordCheck.ConfirmAsync)),
    };

    public static string Key<T>(string method) => typeof(T).Name + "." + method;
}
