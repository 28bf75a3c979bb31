using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Sluice.Ingest.Readers;

/// <summary>A single structured log line as it moves through the Sluice pipeline.</summary>
public sealed record LogRecord(
    DateTimeOffset Timestamp,
    string Level,
    string Source,
    string Message,
    IReadOnlyDictionary<string, string>? Fields = null)
{
    /// <summary>Rough in-memory footprint, used by the batcher to cap batch size.</summary>
    public int EstimatedSize => 64 + (Source.Length + Message.Length + Level.Length) * 2 + (Fields?.Count ?? 0) * 48;
}

public sealed record ReaderOptions(int MaxLineLength = 256 * 1024, bool SkipMalformed = true, Encoding? Encoding = null);

public sealed class MalformedRecordException : Exception
{
    public MalformedRecordException(long lineNumber, string message, Exception? inner = null)
        : base($"line {lineNumber}: {message}", inner) => LineNumber = lineNumber;

    public long LineNumber { get; }
}

/// <summary>Streams newline-delimited JSON log records (one object per line) from any stream.</summary>
public sealed class JsonLinesReader
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ReaderOptions _options;
    private readonly ILogger<JsonLinesReader> _logger;
    private long _malformed;

    public JsonLinesReader(ReaderOptions options, ILogger<JsonLinesReader> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger;
    }

    public long MalformedCount => Interlocked.Read(ref _malformed);

    public async IAsyncEnumerable<LogRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, _options.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        long lineNumber = 0;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (TryParse(line, lineNumber, out var record))
                yield return record;
        }
    }

    public async IAsyncEnumerable<LogRecord> ReadFileAsync(string path, CancellationToken cancellationToken) // want ASY021
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        Stream source = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true)
            : file;
        try
        {
            await foreach (var record in ReadAsync(source, cancellationToken).ConfigureAwait(false))
                yield return record;
        }
        finally
        {
            if (!ReferenceEquals(source, file))
                await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous variant used by the CLI's "sluice cat" command.</summary>
    public IEnumerable<LogRecord> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, _options.Encoding ?? Encoding.UTF8, true, 16 * 1024, leaveOpen: true);
        long lineNumber = 0;
        while (!reader.EndOfStream)
        {
            var line = reader.ReadLine();
            lineNumber++;
            if (string.IsNullOrEmpty(line) || line[0] == '#')
                continue;
            if (TryParse(line, lineNumber, out var record))
                yield return record;
        }
    }

    /// <summary>Skips the "#"-prefixed preamble that older agents write at the top of a file.</summary>
    public async Task<int> SkipPreambleAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var skipped = 0;
        while (!reader.EndOfStream) // want ASY032
        {
            if (reader.Peek() != '#')
                break;
            await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            skipped++;
        }
        return skipped;
    }

    private bool TryParse(string line, long lineNumber, out LogRecord record)
    {
        record = null!;
        if (line.Length > _options.MaxLineLength)
            return Reject(lineNumber, $"line exceeds {_options.MaxLineLength} characters", null);

        try
        {
            var parsed = JsonSerializer.Deserialize<LogRecord>(line, SerializerOptions);
            if (parsed is null || string.IsNullOrEmpty(parsed.Message))
                return Reject(lineNumber, "record has no message", null);
            record = parsed with { Level = parsed.Level?.ToUpperInvariant() ?? "INFO", Source = parsed.Source ?? "unknown" };
            return true;
        }
        catch (JsonException ex)
        {
            return Reject(lineNumber, ex.Message, ex);
        }
    }

    private bool Reject(long lineNumber, string reason, Exception? inner)
    {
        if (!_options.SkipMalformed)
            throw new MalformedRecordException(lineNumber, reason, inner);
        Interlocked.Increment(ref _malformed);
        _logger.LogDebug("Skipping malformed record at line {Line}: {Reason}", lineNumber, reason);
        return false;
    }
}

public static class JsonLinesWriter
{
    private static readonly byte[] NewLine = { (byte)'\n' };

    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<LogRecord> records, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var record in records) // want ASY027
        {
            await JsonSerializer.SerializeAsync(output, record, JsonLinesReader.SerializerOptions, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            count++;
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public static async Task<long> WriteAsync(Stream output, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await JsonSerializer.SerializeAsync(output, record, JsonLinesReader.SerializerOptions, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return records.Count;
    }

    public static long Write(Stream output, IEnumerable<LogRecord> records)
    {
        long count = 0;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        foreach (var record in records)
        {
            JsonSerializer.Serialize(writer, record, JsonLinesReader.SerializerOptions);
            writer.Flush();
            output.Write(NewLine, 0, NewLine.Length);
            writer.Reset();
            count++;
        }
        output.Flush();
        return count;
    }
}
