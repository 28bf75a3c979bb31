using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sluice.Ingest.Readers;

public sealed record CsvSchema(
    string TimestampColumn = "timestamp",
    string LevelColumn = "level",
    string SourceColumn = "source",
    string MessageColumn = "message",
    char Delimiter = ',')
{
    public IEnumerable<string> RequiredColumns()
    {
        yield return TimestampColumn;
        yield return LevelColumn;
        yield return MessageColumn;
    }
}

/// <summary>
/// Reads CSV exports from appliances that cannot emit JSON (firewalls, old load balancers).
/// Handles quoted fields, doubled quotes and quoted line breaks.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly CsvSchema _schema;

    public CsvRecordReader(CsvSchema schema) => _schema = schema ?? throw new ArgumentNullException(nameof(schema));

    public static async Task<CsvRecordReader> OpenWithSchemaAsync(string schemaPath, Stream sample, CancellationToken cancellationToken)
    {
        var json = File.ReadAllText(schemaPath); // want ASY006
        var schema = JsonSerializer.Deserialize<CsvSchema>(json, JsonLinesReader.SerializerOptions)
            ?? throw new InvalidDataException($"Schema file '{schemaPath}' is empty.");

        using var reader = new StreamReader(sample, Encoding.UTF8, true, 4096, leaveOpen: true);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var missing = schema.RequiredColumns()
            .Except(SplitLine(header, schema.Delimiter), StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"Sample is missing columns: {string.Join(", ", missing)}");
        return new CsvRecordReader(schema);
    }

    public static async Task<CsvRecordReader> OpenWithSchemaAsync(string schemaPath, string samplePath, CancellationToken cancellationToken)
    {
        await using var sample = new FileStream(samplePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
        return await OpenWithSchemaAsync(schemaPath, sample, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For the synchronous "sluice import-csv" command.</summary>
    public static CsvRecordReader OpenWithSchema(string schemaPath, string samplePath) =>
        OpenWithSchemaAsync(schemaPath, samplePath, CancellationToken.None).GetAwaiter().GetResult(); // want ASY001

    public async IAsyncEnumerable<LogRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, true, 32 * 1024, leaveOpen: true);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header is null)
            yield break;

        var map = BuildColumnMap(SplitLine(header, _schema.Delimiter));
        var pending = new StringBuilder();
        long row = 1;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            row++;
            if (pending.Length > 0)
            {
                pending.Append('\n').Append(line);
                line = pending.ToString();
            }
            if (HasOpenQuote(line))
            {
                if (pending.Length == 0)
                    pending.Append(line);
                continue;
            }
            pending.Clear();
            yield return ToRecord(SplitLine(line, _schema.Delimiter), map, row);
        }
    }

    public IEnumerable<LogRecord> Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null)
            yield break;
        var map = BuildColumnMap(SplitLine(header, _schema.Delimiter));
        long row = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            row++;
            while (HasOpenQuote(line) && reader.Peek() >= 0)
                line += "\n" + reader.ReadLine();
            yield return ToRecord(SplitLine(line, _schema.Delimiter), map, row);
        }
    }

    /// <summary>Splits raw bytes on '\n' without decoding; used by the sharder to count and route rows cheaply.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadRowsAsync(Stream stream, int bufferSize = 81920) // want ASY021
    {
        var buffer = new byte[bufferSize];
        var carry = new ArrayBufferWriter<byte>();
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length)).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, read - start)) >= 0)
            {
                carry.Write(buffer.AsSpan(start, newline - start));
                yield return carry.WrittenMemory.ToArray();
                carry.Clear();
                start = newline + 1;
            }
            carry.Write(buffer.AsSpan(start, read - start));
        }
        if (carry.WrittenCount > 0)
            yield return carry.WrittenMemory.ToArray();
    }

    public static async Task<long> CountRowsAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        long rows = 0;
        await foreach (var _ in ReadRowsAsync(file).WithCancellation(cancellationToken).ConfigureAwait(false))
            rows++;
        return rows;
    }

    public static IReadOnlyList<string> SplitLine(string line, char delimiter)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else current.Append(c);
            }
            else if (c == '"') inQuotes = true;
            else if (c == delimiter) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    private static bool HasOpenQuote(string line) => line.Count(c => c == '"') % 2 == 1;

    private Dictionary<string, int> BuildColumnMap(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
            map[header[i].Trim()] = i;
        foreach (var column in _schema.RequiredColumns())
        {
            if (!map.ContainsKey(column))
                throw new InvalidDataException($"CSV header has no '{column}' column.");
        }
        return map;
    }

    private LogRecord ToRecord(IReadOnlyList<string> fields, Dictionary<string, int> map, long row)
    {
        string Get(string column) => map.TryGetValue(column, out var i) && i < fields.Count ? fields[i] : string.Empty;

        if (!DateTimeOffset.TryParse(Get(_schema.TimestampColumn), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
            throw new MalformedRecordException(row, $"unparseable timestamp '{Get(_schema.TimestampColumn)}'");

        var extra = map
            .Where(kv => kv.Key != _schema.TimestampColumn && kv.Key != _schema.LevelColumn
                      && kv.Key != _schema.SourceColumn && kv.Key != _schema.MessageColumn && kv.Value < fields.Count)
            .ToDictionary(kv => kv.Key, kv => fields[kv.Value]);

        var source = Get(_schema.SourceColumn);
        return new LogRecord(ts, Get(_schema.LevelColumn).ToUpperInvariant(), source.Length == 0 ? "csv" : source, Get(_schema.MessageColumn), extra);
    }
}
