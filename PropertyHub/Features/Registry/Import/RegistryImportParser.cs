using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;

namespace PropertyHub.Features.Registry.Import;

/// <summary>
/// Reads a .csv or .xlsx registry sheet into text rows. Rows are read one at a time and reading stops as soon as
/// the row limit is passed, so an oversized file is turned away without being held in memory.
/// </summary>
public sealed class RegistryImportParser(ILogger<RegistryImportParser> logger)
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    private const int EncodingProbeBytes = 64 * 1024;

    static RegistryImportParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<ImportParseResult> ParseAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
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
            return extension == ".csv" ? ReadCsv(seekable, ct) : ReadXlsx(seekable, ct);
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
                await seekable.DisposeAsync();
        }
    }

    private ImportParseResult ReadCsv(Stream stream, CancellationToken ct)
    {
        var encoding = GuessEncoding(stream);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
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
            var cells = record.Select(Text).ToArray();
            if (cells.All(c => c.Length == 0))
                continue;
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
                    values[column] = cells[index];
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

    /// <summary>UTF-8 (with or without BOM) unless the start of the file is not UTF-8: then GB18030, as Chinese Excel saves CSV.</summary>
    private static Encoding GuessEncoding(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(EncodingProbeBytes);
        var chars = ArrayPool<char>.Shared.Rent(EncodingProbeBytes);
        try
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(0, EncodingProbeBytes), EncodingProbeBytes, throwOnEndOfStream: false);
            stream.Position = 0;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, read), chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
            return status == System.Buffers.OperationStatus.InvalidData ? Encoding.GetEncoding(54936) : new UTF8Encoding(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

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
