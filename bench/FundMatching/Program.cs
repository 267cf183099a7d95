// The maintenance fund's statement work, timed in one run (P1§8.4, issue item 7):
//  1. automatic matching of a 10,000-line statement against 10,000 ledger lines (StatementMatcher), against a plain
//     dictionary join of the same lines on (amount, date, reference) timed the same way, the two taking turns for 15
//     rounds — reported as the ratio of their medians and the median of the rounds' own ratios;
//  2. reading a 10,000-line GB18030 CSV statement (StatementReader: strict decoding of the whole file, then the lines).
// Each is run after a warm-up; medians are reported. Run: dotnet run -c Release --project bench/FundMatching
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PropertyHub.Features.Fund.Reconciliation;

const int Lines = 10_000;
const int Runs = 7;
const int Rounds = 15;
var random = new Random(20261205);
var start = new DateOnly(2026, 3, 1);

// Owners' contributions repeat a few amounts (300.00, 450.50 …), as a real month does; spending is mostly distinct.
var ledger = new List<LedgerItem>(Lines);
var statement = new List<StatementItem>(Lines);
decimal[] contributions = [300.00m, 450.50m, 600.00m, 280.75m, 1200.00m];
for (var i = 0; i < Lines; i++)
{
    var day = start.AddDays(random.Next(0, 28));
    var amount = i % 3 == 0 ? -Math.Round((decimal)random.NextDouble() * 50_000m + 1m, 2) : contributions[random.Next(contributions.Length)];
    var reference = i % 2 == 0 ? "LS" + i.ToString("D6", CultureInfo.InvariantCulture) : null;
    ledger.Add(new LedgerItem(i + 1, day, amount, reference));
    // The bank books most lines a day or two later.
    statement.Add(new StatementItem(100_000 + i, day.AddDays(random.Next(0, 3)), amount, reference));
}
statement = [.. statement.OrderBy(_ => random.Next())];

var matched = 0;
var joined = 0;
var (matcher, join, roundRatio) = Paired(() => matched = StatementMatcher.Match(statement, ledger, windowDays: 3).Count,
    () => joined = DictionaryJoin(statement, ledger));
Console.WriteLine($"Matching {Lines:N0} statement lines against {Lines:N0} ledger lines: {matcher.TotalMilliseconds:F1} ms ({matched:N0} matched)");
Console.WriteLine($"Plain dictionary join on (amount, date, reference):        {join.TotalMilliseconds:F1} ms ({joined:N0} joined)");
Console.WriteLine($"Ratio matcher / join: {matcher / join:F2}x (goal <= 3x; median of the rounds' own ratios {roundRatio:F2}x)");

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var csv = new StringBuilder("中国建设银行 账户明细\n账号:3501000012345678,户名:某某小区维修基金\n交易日期,摘要,借方发生额,贷方发生额,余额,对方户名,交易流水号\n");
var balance = 1_000_000m;
foreach (var line in statement.OrderBy(s => s.Date).ThenBy(s => s.Id))
{
    balance += line.Amount;
    csv.Append(CultureInfo.InvariantCulture, $"{line.Date:yyyy-MM-dd},维修基金,{(line.Amount < 0 ? (-line.Amount).ToString("F2", CultureInfo.InvariantCulture) : "")},")
        .Append(CultureInfo.InvariantCulture, $"{(line.Amount > 0 ? line.Amount.ToString("F2", CultureInfo.InvariantCulture) : "")},{balance.ToString("F2", CultureInfo.InvariantCulture)},福州某某公司,{line.Reference}\n");
}
var bytes = Encoding.GetEncoding(54936).GetBytes(csv.ToString());
StatementRead? read = null;
var reading = Median(() => read = StatementReader.Read(bytes, "statement.csv", StatementColumns.Common));
Console.WriteLine($"Reading a {Lines:N0}-line GB18030 statement ({bytes.Length / 1024:N0} KiB): {reading.TotalMilliseconds:F1} ms ({read!.Rows.Count:N0} lines, closing {read.ClosingBalance:N2})");
return read.Ok && read.Rows.Count == Lines ? 0 : 1;

// The two take turns, each going first every other round, so a burst of load on a shared machine falls on both alike.
static (TimeSpan First, TimeSpan Second, double RoundRatio) Paired(Action first, Action second)
{
    first();
    second();
    var (a, b, ratios) = (new List<TimeSpan>(), new List<TimeSpan>(), new List<double>());
    for (var i = 0; i < Rounds; i++)
    {
        var (x, y) = i % 2 == 0 ? (Time(first), Time(second)) : Swap(Time(second), Time(first));
        a.Add(x);
        b.Add(y);
        ratios.Add(x / y);
    }
    a.Sort();
    b.Sort();
    ratios.Sort();
    return (a[Rounds / 2], b[Rounds / 2], ratios[Rounds / 2]);

    static (TimeSpan, TimeSpan) Swap(TimeSpan second, TimeSpan first) => (first, second);
}

static TimeSpan Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed;
}

static TimeSpan Median(Action action)
{
    action();
    var times = new List<TimeSpan>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed);
    }
    times.Sort();
    return times[Runs / 2];
}

// What matching would cost without its rules: an exact key join, each ledger line used once.
static int DictionaryJoin(List<StatementItem> statement, List<LedgerItem> ledger)
{
    var byKey = new Dictionary<(decimal, DateOnly, string?), Queue<int>>();
    foreach (var line in ledger)
    {
        var key = (line.Amount, line.Date, line.Reference);
        if (!byKey.TryGetValue(key, out var ids))
            byKey[key] = ids = new Queue<int>();
        ids.Enqueue(line.Id);
    }
    var joined = 0;
    foreach (var line in statement)
    {
        if (byKey.TryGetValue((line.Amount, line.Date, line.Reference), out var ids) && ids.Count > 0)
        {
            ids.Dequeue();
            joined++;
        }
    }
    return joined;
}
