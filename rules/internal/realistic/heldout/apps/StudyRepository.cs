// Lumen.Archive.Workers — read model of the archive index (SQL Server, Dapper) and the
// change-feed projector that keeps the metadata cache in sync with it.
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using Lumen.Archive.Sdk.Caching;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lumen.Archive.Workers.Data;

public sealed record StudyRow(long Id, string StudyInstanceUid, string PatientId, DateTime StudyDate, string Modality, long SizeBytes);

public sealed record ModalityStats(string Modality, int Studies, long Bytes);

public interface IDbConnectionFactory
{
    DbConnection Create();
}

public sealed class SqlConnectionFactory(string connectionString) : IDbConnectionFactory
{
    public DbConnection Create() => new SqlConnection(connectionString);
}

public sealed class StudyRepository(IDbConnectionFactory connections, ILogger<StudyRepository> logger)
{
    private const string Columns = "Id, StudyInstanceUid, PatientId, StudyDate, Modality, SizeBytes";

    public StudyRow? Find(string studyUid)
    {
        using var conn = connections.Create();
        return conn.QuerySingleOrDefault<StudyRow>(
            $"SELECT {Columns} FROM dbo.Studies WHERE StudyInstanceUid = @studyUid", new { studyUid });
    }

    public async Task<StudyRow?> FindAsync(string studyUid, CancellationToken ct = default)
    {
        await using var conn = connections.Create();
        return await conn.QuerySingleOrDefaultAsync<StudyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM dbo.Studies WHERE StudyInstanceUid = @studyUid", new { studyUid }, cancellationToken: ct));
    }

    public async Task<bool> ExistsAsync(string studyUid, CancellationToken ct = default)
        => await FindAsync(studyUid, ct) is not null;

    public async IAsyncEnumerable<StudyRow> StreamModifiedSinceAsync(DateTime sinceUtc, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var conn = connections.Create();
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM dbo.Studies WHERE ModifiedAt >= @since ORDER BY ModifiedAt";
        var since = cmd.CreateParameter();
        since.ParameterName = "@since";
        since.DbType = DbType.DateTime2;
        since.Value = sinceUtc;
        cmd.Parameters.Add(since);

        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new StudyRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetDateTime(3), reader.GetString(4), reader.GetInt64(5));
        }
    }

    public async Task<int> MarkPurgedAsync(IReadOnlyCollection<string> studyUids, DateTimeOffset purgedAt, CancellationToken ct = default)
    {
        await using var conn = connections.Create();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var affected = 0;
        foreach (var chunk in studyUids.Chunk(500))
        {
            affected += await conn.ExecuteAsync(new CommandDefinition(
                "UPDATE dbo.Studies SET PurgedAt = @purgedAt WHERE StudyInstanceUid IN @uids",
                new { purgedAt, uids = chunk }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Marked {Count} studies purged", affected);
        return affected;
    }

    public async Task<IReadOnlyList<ModalityStats>> GetModalityStatsAsync(CancellationToken ct = default)
    {
        await using var conn = connections.Create();
        var rows = await conn.QueryAsync<ModalityStats>(new CommandDefinition(
            "SELECT Modality, COUNT(*) AS Studies, SUM(SizeBytes) AS Bytes FROM dbo.Studies WHERE PurgedAt IS NULL GROUP BY Modality",
            cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<StudyRow>> FindManyAsync(IEnumerable<string> studyUids, CancellationToken ct = default)
    {
        var uids = studyUids.Distinct(StringComparer.Ordinal).ToArray();
        if (uids.Length == 0)
            return [];

        await using var conn = connections.Create();
        var rows = await conn.QueryAsync<StudyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM dbo.Studies WHERE StudyInstanceUid IN @uids", new { uids }, cancellationToken: ct));
        var found = rows.AsList();
        if (found.Count < uids.Length)
            logger.LogDebug("{Missing} of {Requested} studies are not in the index", uids.Length - found.Count, uids.Length);
        return found;
    }

    // Feeds the RIS reconciliation job: one line per study, patient id first.
    public async Task<int> ExportPatientIndexAsync(string path, CancellationToken ct = default)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true); // want ASY020
        await using var writer = new StreamWriter(file, Encoding.UTF8, leaveOpen: true);
        var count = 0;
        await foreach (var row in StreamModifiedSinceAsync(DateTime.MinValue, ct))
        {
            await writer.WriteLineAsync($"{row.PatientId},{row.StudyInstanceUid},{row.StudyDate:yyyyMMdd},{row.Modality}".AsMemory(), ct);
            count++;
        }
        await writer.FlushAsync(ct);
        return count;
    }
}

public sealed record StudyChange(string StudyInstanceUid, string Kind, DateTimeOffset At);

public interface IChangeFeed
{
    // Long-lived subscription; the broker connection is owned by the feed.
    IAsyncEnumerable<StudyChange> Subscribe(string topic);
}

public sealed class ChangeFeedProjector(
    IChangeFeed feed,
    StudyRepository repository,
    StudyMetadataCache cache,
    ILogger<ChangeFeedProjector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applied = 0;
        await foreach (var change in feed.Subscribe("studies")) // want ASY027
        {
            switch (change.Kind)
            {
                case "deleted":
                case "purged":
                    cache.OnStudyChanged(change.StudyInstanceUid);
                    break;
                case "updated":
                    var row = await repository.FindAsync(change.StudyInstanceUid, stoppingToken);
                    if (row is null)
                    {
                        logger.LogWarning("Change for unknown study {Study}", change.StudyInstanceUid);
                        continue;
                    }
                    await cache.RefreshAsync(change.StudyInstanceUid, stoppingToken);
                    break;
                default:
                    logger.LogDebug("Ignoring change kind {Kind}", change.Kind);
                    break;
            }

            if (++applied % 1000 == 0)
                logger.LogInformation("Applied {Count} study changes", applied);
        }
    }
}
