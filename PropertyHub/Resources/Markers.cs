namespace PropertyHub.Resources;

// Each class names one .resx set in this folder (neutral = English, plus zh-Hans and zh-Hant).
// One set per feature keeps translations beside nothing else and avoids one giant file.

/// <summary>Texts shared by the layout and several features.</summary>
public sealed class SharedText;

/// <summary>Sign-in, users and roles.</summary>
public sealed class AccountsText;

/// <summary>MudBlazor's own component texts.</summary>
public sealed class MudBlazorText;

/// <summary>Estates, buildings, units and occupants.</summary>
public sealed class RegistryText;

/// <summary>Bulk import and export of the registry.</summary>
public sealed class ImportText;

/// <summary>Settings: service calendars.</summary>
public sealed class SettingsText;

/// <summary>The audit view: field names, actions and values of the audit trail.</summary>
public sealed class AuditText;

/// <summary>Reception: intake, queues, ledger, measures.</summary>
public sealed class ReceptionText;

/// <summary>The front-desk ledger, its reviews, and the reception measures.</summary>
public sealed class LedgerText;

/// <summary>The live queue, its countdowns and the wallboard.</summary>
public sealed class QueueText;

/// <summary>The scheduled duties page: duty names, schedules, runs and "run now" outcomes.</summary>
public sealed class DutiesText;

/// <summary>Notices: the outbox, letters for printing and the notice board.</summary>
public sealed class NoticesText;

/// <summary>Personal links for occupants: states of a link and the refusal when they are opened too often.</summary>
public sealed class LinksText;

/// <summary>The quarterly evaluation survey: the form, its notices and answers.</summary>
public sealed class SurveyText;

/// <summary>Fees: fee items, rates and the public fee standard.</summary>
public sealed class FeesText;

/// <summary>The answer pages of the evaluation survey: the occupant's form behind a personal link and the paper entry.</summary>
public sealed class AnswerText;

/// <summary>The survey's statistics: response rates, satisfaction, trend, dissatisfied answers and their export.</summary>
public sealed class SurveyStatsText;

/// <summary>The work after the survey: rectifications of dissatisfied answers and follow-ups of opinions.</summary>
public sealed class SurveyWorkText;

/// <summary>The evaluation form's template editor: items, their order and names, the active template.</summary>
public sealed class SurveyTemplateText;

/// <summary>The payment counter and its receipts: taking a payment, reversing one, printing the receipt.</summary>
public sealed class CounterText;

/// <summary>Paid services: recording them, the occupant's signature on the tablet, and their billing state.</summary>
public sealed class PaidServiceText;

/// <summary>Door-to-door collection: the collection duty, assigning tasks and recording visits on a phone.</summary>
public sealed class CollectionText;

/// <summary>The fee books and reports, and the semiannual income and expenditure statement.</summary>
public sealed class BooksText;

/// <summary>The occupant's file: title records, VIP service and the timeline.</summary>
public sealed class OccupantFileText;
/// <summary>Repairs: work orders, appointments, the engineer's visits, acceptance and the follow-up call.</summary>
public sealed class RepairsText;

/// <summary>Uploaded files: why one was refused (empty, too large, not of an accepted kind).</summary>
public sealed class FilesText;

/// <summary>The maintenance fund: accounts, ledger, approvals and bank expense lists.</summary>
public sealed class FundText;
/// <summary>Renovations: the application, the plan's review, the agreements, the deposit and the construction permit.</summary>
public sealed class RenovationText;
/// <summary>Move-in: batches and slot links, the procedure at the counter, the move-in record and proxy services.</summary>
public sealed class MoveInText;
/// <summary>Strings of an occupant's papers on file: the checklist, scans and their openings, the kinds, the reports.</summary>
public sealed class OccupantDocumentsText;
/// <summary>Where a paper another module put on an occupant's file came from (the move-in, a proxy service, a renovation).</summary>
public sealed class PapersText;
/// <summary>The maintenance fund's reports: balance by month, spending by usage item, their chart and XLSX.</summary>
public sealed class FundReportText;
/// <summary>The move-in's printed papers (inspection form, key receipt, move-in record), the key-receipt link and the proxy services list.</summary>
public sealed class MoveInPapersText;

/// <summary>The maintenance fund's semiannual statement, the fund's kind of the disclosure.</summary>
public sealed class FundDisclosureText;

/// <summary>The fund's spending by building and common part: the expenditure's fields and the report's table and sheet.</summary>
public sealed class FundPlaceText;

/// <summary>The fund's ledger, approvals, bank expense lists and reports after the user trial: payment day, places,
/// approvers, adjustments row, chart series, the statement drafted by hand.</summary>
public sealed class FundLedgerText;

/// <summary>A repair work order charged to the maintenance fund: the panel on the work order page.</summary>
public sealed class RepairsFundText;

/// <summary>One unit of a move-in batch moved or taken out, its owner's link and notice; the batch's paper notices to print.</summary>
public sealed class MoveInUnitText;

/// <summary>Papers other modules put on the occupant's file: the printed papers' links, the renovation's receipts, the move-in's scanned forms.</summary>
public sealed class FiledPapersText;

/// <summary>The bank statement import's mapping screen and the reconciliation page's later additions.</summary>
public sealed class FundImportText;

/// <summary>Renovation: strings added after the second user trial (gate write-offs, settlement of a shortfall, the refund voucher, duties).</summary>
public sealed class RenovationTrialText;
