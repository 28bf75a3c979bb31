// Lumen.Archive.Workers — retention: purges studies past their retention period unless a
// legal hold is set. Runs on a PeriodicTimer; every purge is audited.
using System.Globalization;
using System.Text;
using Lumen.Archive.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lumen.Archive.Workers.Retention;

public sealed class StudyRecord
{
    public long Id { get; set; }
    public string StudyInstanceUid { get; set; } = "";
    public string PatientId { get; set; } = "";
    public string Modality { get; set; } = "";
    public DateOnly StudyDate { get; set; }
    public DateTimeOffset? LastAccessedAt { get; set; }
    public bool LegalHold { get; set; }
    public long SizeBytes { get; set; }
    public DateTimeOffset? PurgedAt { get; set; }
    public List<PurgeAuditEntry> PurgeHistory { get; set; } = [];
}

public sealed class PurgeAuditEntry
{
    public long Id { get; set; }
    public long StudyRecordId { get; set; }
    public string StudyInstanceUid { get; set; } = "";
    public DateTimeOffset PurgedAt { get; set; }
    public string Reason { get; set; } = "";
    public bool DryRun { get; set; }
}

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<StudyRecord> Studies => Set<StudyRecord>();
    public DbSet<PurgeAuditEntry> PurgeAudit => Set<PurgeAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StudyRecord>(e =>
        {
            e.ToTable("Studies");
            e.HasIndex(s => s.StudyInstanceUid).IsUnique();
            e.HasIndex(s => new { s.PurgedAt, s.StudyDate });
            e.HasMany(s => s.PurgeHistory).WithOne().HasForeignKey(a => a.StudyRecordId);
        });
        modelBuilder.Entity<PurgeAuditEntry>().ToTable("PurgeAudit");
    }
}

public sealed class RetentionOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
    public int RetentionYears { get; set; } = 10;
    public int BatchSize { get; set; } = 200;
    public bool DryRun { get; set; } = true;
}

public sealed record RetentionReport(DateOnly Cutoff, int Eligible, int OnLegalHold, long ReclaimableBytes);

public sealed class RetentionScheduler(
    IDbContextFactory<ArchiveDbContext> dbFactory,
    IArchiveClient archive,
    TimeProvider clock,
    IOptionsMonitor<RetentionOptions> options,
    ILogger<RetentionScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.Interval, clock);
        do
        {
            try
            {
                var purged = await RunOnceAsync(stoppingToken);
                logger.LogInformation("Retention run finished: {Count} studies purged", purged);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retention run failed; will retry at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private DateOnly Cutoff() =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-options.CurrentValue.RetentionYears);

    private static IQueryable<StudyRecord> Eligible(ArchiveDbContext db, DateOnly cutoff) =>
        db.Studies.Where(s => s.PurgedAt == null && !s.LegalHold && s.StudyDate < cutoff);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var cutoff = Cutoff();
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var candidates = await Eligible(db, cutoff)
            .OrderBy(s => s.StudyDate)
            .Take(settings.BatchSize)
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return 0;

        // Belt and braces: never purge a held study, whatever Eligible() turns into later.
        var toPurge = candidates.Where(s => !s.LegalHold).ToList();
        foreach (var study in toPurge)
        {
            if (ct.IsCancellationRequested) throw new OperationCanceledException(ct); // want ASY029

            var now = clock.GetUtcNow();
            if (!settings.DryRun)
            {
                await archive.DeleteStudyAsync(study.StudyInstanceUid, ct);
                study.PurgedAt = now;
            }
            study.PurgeHistory.Add(new PurgeAuditEntry
            {
                StudyInstanceUid = study.StudyInstanceUid,
                PurgedAt = now,
                Reason = $"retention {settings.RetentionYears}y (study date {study.StudyDate:yyyy-MM-dd})",
                DryRun = settings.DryRun,
            });
        }

        await db.SaveChangesAsync(ct);
        return toPurge.Count;
    }

    public async Task<RetentionReport> BuildReportAsync(CancellationToken ct)
    {
        using var db = dbFactory.CreateDbContext(); // want ASY020
        var cutoff = Cutoff();
        var eligible = await Eligible(db, cutoff).CountAsync(ct);
        var onHold = db.Studies.Count(s => s.LegalHold && s.PurgedAt == null); // want ASY006
        var bytes = await Eligible(db, cutoff).SumAsync(s => s.SizeBytes, ct);
        return new RetentionReport(cutoff, eligible, onHold, bytes);
    }

    public async Task PlaceLegalHoldAsync(string studyUid, bool hold, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Studies
            .Where(s => s.StudyInstanceUid == studyUid)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LegalHold, hold), ct);
        if (updated == 0)
            throw new ArchiveException($"Unknown study {studyUid}", System.Net.HttpStatusCode.NotFound);
        logger.LogWarning("Legal hold {State} for study {Study}", hold ? "placed" : "released", studyUid);
    }

    // Nightly CSV export for the compliance team; runs on the scheduler's own thread.
    public string ExportAuditCsv(DateTimeOffset since)
    {
        using var db = dbFactory.CreateDbContext();
        var rows = db.PurgeAudit
            .Where(a => a.PurgedAt >= since)
            .OrderBy(a => a.PurgedAt)
            .ToList();

        var sb = new StringBuilder("study_uid,purged_at,dry_run,reason\n");
        foreach (var r in rows)
            sb.Append(r.StudyInstanceUid).Append(',')
              .Append(r.PurgedAt.ToString("O", CultureInfo.InvariantCulture)).Append(',')
              .Append(r.DryRun ? "1" : "0").Append(',')
              .Append('"').Append(r.Reason.Replace("\"", "\"\"")).Append("\"\n");
        return sb.ToString();
    }
}
