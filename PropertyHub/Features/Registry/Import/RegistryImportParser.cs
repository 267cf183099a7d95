using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace PropertyHub.Features.Registry.Import;

/// <summary>
/// Reads a registry sheet (.xlsx, .csv or Excel's Unicode text) into text rows, each cell as <see cref="TypedText"/>
/// leaves it. A text sheet is decoded whole (<see cref="SheetEncoding"/>, at most the size limit); rows are then read
/// one at a time and reading stops as soon as the row limit is passed.
/// </summary>
public sealed class RegistryImportParser(ILogger<RegistryImportParser> logger)
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public async Task<ImportParseResult> ParseAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".xls")
            return Reject("OldExcel");
        if (extension is not (".csv" or ".txt" or ".tsv" or ".xlsx"))
            return Reject("UnknownExtension", string.IsNullOrEmpty(extension) ? "—" : extension);

        var seekable = await SeekableAsync(stream, ct);
        if (seekable is null)
            return Reject("FileTooLarge", MaxFileBytes / 1024 / 1024);
        try
        {
            if (seekable.Length == 0)
                return Reject("EmptyFile");
            if (seekable.Length > MaxFileBytes)
                return Reject("FileTooLarge", MaxFileBytes / 1024 / 1024);
            if (StartsAsOleWorkbook(seekable))
                return Reject("OldExcel");
            return extension == ".xlsx" ? ReadXlsx(seekable, ct) : await ReadTextAsync(seekable, ct);
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
                await seekable.DisposeAsync();
        }
    }

    /// <summary>CSV or Excel's "Unicode text" (TAB-separated UTF-16); the separator is found from the first lines.</summary>
    private async Task<ImportParseResult> ReadTextAsync(Stream stream, CancellationToken ct)
    {
        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, ct);
        if (SheetEncoding.Decode(bytes) is not { } text)
            return Reject("EncodingUnknown", SheetEncoding.Tried);
        using var reader = new StringReader(text);
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, TrimWhitespace = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        return ReadRecords(Records(csv), ct);

        static IEnumerable<object?[]> Records(CsvReader csv)
        {
            while (csv.Read())
            {
                var fields = new object?[csv.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = csv.GetString(i);
                yield return fields;
            }
        }
    }

    private static bool StartsAsOleWorkbook(Stream stream)
    {
        Span<byte> start = stackalloc byte[8];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return SheetEncoding.IsOleWorkbook(start[..read]);
    }

    private ImportParseResult ReadXlsx(Stream stream, CancellationToken ct)
    {
        try
        {
            // Without a header row MiniExcel keys cells by column letter, in column order, and keeps row positions.
            var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                .Select(row => ((IDictionary<string, object?>)row).Values.ToArray());
            return ReadRecords(rows, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Import file is not a readable workbook: {Error}", ex.GetType().Name);
            return Reject("NotExcel");
        }
    }

    private ImportParseResult ReadRecords(IEnumerable<object?[]> records, CancellationToken ct)
    {
        Dictionary<int, ImportColumn>? columns = null;
        var rows = new List<ImportRow>();
        var rowNumber = 0;
        foreach (var record in records)
        {
            rowNumber++;
            var cells = record.Select(v => TypedText.Text(Text(v)) ?? "").ToArray();
            if (cells.All(c => c.Length == 0))
                continue;
            // A file saved after a wrong conversion carries U+FFFD where characters were lost: never store it.
            if (cells.Any(c => c.Contains('\uFFFD', StringComparison.Ordinal)))
                return Reject("ReplacementCharacters", rowNumber);
            if (columns is null)
            {
                var header = ReadHeader(cells, out columns);
                if (header is not null)
                    return header;
                continue;
            }
            if (rows.Count == MaxRows)
                return Reject("TooManyRows", MaxRows);
            if (rows.Count % 1000 == 0)
                ct.ThrowIfCancellationRequested();
            var values = new Dictionary<ImportColumn, string>();
            foreach (var (index, column) in columns)
            {
                if (index < cells.Length)
                    values[column] = ImportColumns.Digits.Contains(column) ? TypedText.Digits(cells[index]) ?? "" : cells[index];
            }
            rows.Add(new ImportRow(rowNumber, values));
        }
        if (columns is null)
            return Reject("EmptyFile");
        if (rows.Count == 0)
            return Reject("NoDataRows");
        return new ImportParseResult(rows, null);
    }

    private ImportParseResult? ReadHeader(string[] cells, out Dictionary<int, ImportColumn> columns)
    {
        var found = new Dictionary<int, ImportColumn>();
        columns = found;
        for (var i = 0; i < cells.Length; i++)
        {
            if (ImportColumns.FromHeader(cells[i]) is not { } column)
                continue;
            if (found.ContainsValue(column))
                return Reject("DuplicateColumn", cells[i]);
            found[i] = column;
        }
        var missing = ImportColumns.Required.Where(c => !found.ContainsValue(c)).ToArray();
        return missing.Length > 0 ? Reject("MissingColumns", missing) : null;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>The stream itself when it can seek, else a copy in memory of at most the size limit (null when larger).</summary>
    private static async Task<Stream?> SeekableAsync(Stream stream, CancellationToken ct)
    {
        if (stream.CanSeek)
            return stream;
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxFileBytes)
            {
                await copy.DisposeAsync();
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    private ImportParseResult Reject(string key, params object[] arguments)
    {
        logger.LogInformation("Import file rejected: {Reason}", key);
        return ImportParseResult.Failed(key, arguments);
    }
}
