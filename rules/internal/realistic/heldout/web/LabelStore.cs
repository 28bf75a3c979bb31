using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;

namespace Freightly.Infrastructure.Labels;

public sealed record LabelRecord(Guid BookingId, string Format, byte[] Content, DateTime CreatedUtc);

public interface IDbConnectionFactory
{
    DbConnection Create();
}

/// <summary>
/// Stores rendered shipping labels. Exposes a sync API for the thermal-printer bridge
/// (a dedicated-thread COM component) and an async API for everything else.
/// </summary>
public sealed class LabelStore
{
    private const string SelectSql =
        "SELECT BookingId, Format, Content, CreatedUtc FROM dbo.Labels WHERE BookingId = @bookingId AND Format = @format";
    private const string DeleteSql = "DELETE FROM dbo.Labels WHERE BookingId = @BookingId AND Format = @Format";
    private const string DeleteAllSql = "DELETE FROM dbo.Labels WHERE BookingId = @bookingId";
    private const string InsertSql =
        "INSERT INTO dbo.Labels (BookingId, Format, Content, CreatedUtc) VALUES (@BookingId, @Format, @Content, @CreatedUtc)";

    private readonly IDbConnectionFactory _connections;
    private readonly ILogger<LabelStore> _logger;
    private readonly SemaphoreSlim _bulkGate = new(1, 1);

    public LabelStore(IDbConnectionFactory connections, ILogger<LabelStore> logger)
    {
        _connections = connections;
        _logger = logger;
    }

    public LabelRecord? Get(Guid bookingId, string format)
    {
        using var connection = _connections.Create();
        connection.Open();
        return connection.QuerySingleOrDefault<LabelRecord>(SelectSql, new { bookingId, format });
    }

    public async Task<LabelRecord?> GetAsync(Guid bookingId, string format, CancellationToken ct = default)
    {
        await using var connection = _connections.Create();
        await connection.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<LabelRecord>(
            new CommandDefinition(SelectSql, new { bookingId, format }, cancellationToken: ct));
    }

    public void Save(LabelRecord label)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = _connections.Create();
                connection.Open();
                using var tx = connection.BeginTransaction();
                connection.Execute(DeleteSql, new { label.BookingId, label.Format }, tx);
                connection.Execute(InsertSql, label, tx);
                tx.Commit();
                return;
            }
            catch (SqlException ex) when (ex.Number == 1205 && attempt < 3)
            {
                _logger.LogWarning(ex, "Deadlock saving label for {BookingId}; retry {Attempt}", label.BookingId, attempt);
                Thread.Sleep(50 * attempt);
            }
        }
    }

    public async Task SaveAsync(LabelRecord label, CancellationToken ct = default)
    {
        await using var connection = _connections.Create();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { label.BookingId, label.Format }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, label, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<byte[]> GetOrRenderAsync(
        Guid bookingId,
        string format,
        Func<CancellationToken, Task<byte[]>> render,
        CancellationToken ct = default)
    {
        var existing = await GetAsync(bookingId, format, ct);
        if (existing is not null)
            return existing.Content;

        var content = await render(ct);
        Save(new LabelRecord(bookingId, format, content, DateTime.UtcNow)); // want ASY006
        return content;
    }

    public Task<int> DeleteForBookingAsync(Guid bookingId, CancellationToken ct = default)
    {
        try
        {
            var connection = _connections.Create();
            return connection.ExecuteAsync(new CommandDefinition(DeleteAllSql, new { bookingId }, cancellationToken: ct)); // want ASY017
        }
        catch (SqlException ex) when (ex.Number == 1205)
        {
            _logger.LogWarning(ex, "Deadlock deleting labels for {BookingId}", bookingId);
            return Task.FromResult(0);
        }
    }

    // Used by the nightly CLI re-import; runs on a console thread with no sync context.
    public int ImportFromCsv(string path)
    {
        _bulkGate.Wait();
        try
        {
            using var reader = new StreamReader(path);
            reader.ReadLine(); // header
            var count = 0;
            while (!reader.EndOfStream)
            {
                var line = reader.ReadLine();
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                Save(Parse(line));
                count++;
            }
            return count;
        }
        finally
        {
            _bulkGate.Release();
        }
    }

    public async Task<int> ImportFromCsvAsync(Stream csv, CancellationToken ct = default)
    {
        await _bulkGate.WaitAsync(ct);
        try
        {
            using var reader = new StreamReader(csv, leaveOpen: true);
            await reader.ReadLineAsync(ct); // header
            var count = 0;
            while (!reader.EndOfStream) // want ASY032
            {
                var line = await reader.ReadLineAsync(ct);
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                await SaveAsync(Parse(line), ct);
                count++;
            }
            return count;
        }
        finally
        {
            _bulkGate.Release();
        }
    }

    private static LabelRecord Parse(string line)
    {
        var parts = line.Split(',', 4);
        if (parts.Length != 4)
            throw new FormatException($"Expected 4 columns, got {parts.Length}");

        return new LabelRecord(
            Guid.Parse(parts[0]),
            parts[1].Trim(),
            Convert.FromBase64String(parts[3]),
            DateTime.Parse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
    }
}
