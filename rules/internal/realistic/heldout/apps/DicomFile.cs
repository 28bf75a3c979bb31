// Lumen Archive SDK — lightweight DICOM Part-10 file inspection and import manifests.
// We only need the preamble check, a couple of UIDs and a content hash; full parsing is the
// archive's job.
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Lumen.Archive.Sdk.Files;

public sealed record DicomFileInfo(string Path, long Length, string? SopInstanceUid, string? StudyInstanceUid, string Sha256);

public static class DicomFile
{
    private const int PreambleLength = 128;
    private const int HeaderScanBytes = 64 * 1024;
    private static readonly byte[] Magic = "DICM"u8.ToArray();

    // (0008,0018) SOP Instance UID and (0020,000D) Study Instance UID, explicit VR little endian.
    private static readonly byte[] SopInstanceTag = [0x08, 0x00, 0x18, 0x00, (byte)'U', (byte)'I'];
    private static readonly byte[] StudyInstanceTag = [0x20, 0x00, 0x0D, 0x00, (byte)'U', (byte)'I'];

    public static bool IsDicom(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        if (fs.Length < PreambleLength + Magic.Length)
            return false;
        Span<byte> header = stackalloc byte[4];
        fs.Seek(PreambleLength, SeekOrigin.Begin);
        fs.ReadExactly(header);
        return header.SequenceEqual(Magic);
    }

    public static async Task<bool> IsDicomAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        if (fs.Length < PreambleLength + Magic.Length)
            return false;
        var header = new byte[4];
        fs.Seek(PreambleLength, SeekOrigin.Begin);
        await fs.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        return header.AsSpan().SequenceEqual(Magic);
    }

    public static async Task<DicomFileInfo> ReadInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hash = await SHA256.HashDataAsync(fs, cancellationToken).ConfigureAwait(false);

        fs.Position = 0;
        var buffer = new byte[(int)Math.Min(HeaderScanBytes, fs.Length)];
        var read = await fs.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var (sop, study) = ScanForUids(buffer.AsSpan(0, read));

        return new DicomFileInfo(path, fs.Length, sop, study, Convert.ToHexString(hash));
    }

    public static async IAsyncEnumerable<DicomFileInfo> EnumerateAsync(string folder, bool recursive, CancellationToken cancellationToken = default) // want ASY021
    {
        var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        foreach (var path in Directory.EnumerateFiles(folder, "*", option))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await IsDicomAsync(path, cancellationToken).ConfigureAwait(false))
                continue;
            yield return await ReadInfoAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<string> GetChecksumAsync(string path, CancellationToken cancellationToken = default)
    {
        // The modality gateway drops a .sha256 sidecar next to each file; trust it when present.
        var sidecar = path + ".sha256";
        if (File.Exists(sidecar))
            return File.ReadAllText(sidecar).Trim(); // want ASY006

        await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hex = Convert.ToHexString(await SHA256.HashDataAsync(fs, cancellationToken).ConfigureAwait(false));
        await File.WriteAllTextAsync(sidecar, hex, cancellationToken).ConfigureAwait(false);
        return hex;
    }

    internal static (string? Sop, string? Study) ScanForUids(ReadOnlySpan<byte> data)
    {
        if (data.Length <= PreambleLength + Magic.Length || !data.Slice(PreambleLength, Magic.Length).SequenceEqual(Magic))
            return (null, null);

        var body = data[(PreambleLength + Magic.Length)..];
        return (ReadUid(body, SopInstanceTag), ReadUid(body, StudyInstanceTag));
    }

    private static string? ReadUid(ReadOnlySpan<byte> body, ReadOnlySpan<byte> tag)
    {
        var at = body.IndexOf(tag);
        if (at < 0 || at + tag.Length + 2 > body.Length)
            return null;

        var length = body[at + tag.Length] | (body[at + tag.Length + 1] << 8);
        var start = at + tag.Length + 2;
        if (length <= 0 || start + length > body.Length)
            return null;

        // UIDs are padded with a trailing NUL to an even length.
        return Encoding.ASCII.GetString(body.Slice(start, length)).TrimEnd('\0', ' ');
    }
}

public sealed record ManifestEntry(string StudyInstanceUid, string RelativePath, long ExpectedBytes);

// CSV manifest produced by the modality gateway: study-uid,relative-path,bytes
public static class ImportManifest
{
    public static List<ManifestEntry> Read(string manifestPath)
    {
        var entries = new List<ManifestEntry>();
        using var reader = new StreamReader(manifestPath, Encoding.UTF8);
        var lineNo = 0;
        while (!reader.EndOfStream)
        {
            var line = reader.ReadLine();
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                continue;
            entries.Add(Parse(line, lineNo));
        }
        return entries;
    }

    public static async Task<List<ManifestEntry>> ReadAsync(string manifestPath, CancellationToken cancellationToken = default)
    {
        var entries = new List<ManifestEntry>();
        await using var fs = new FileStream(manifestPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var reader = new StreamReader(fs, Encoding.UTF8);
        var lineNo = 0;
        while (!reader.EndOfStream) // want ASY032
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                continue;
            entries.Add(Parse(line, lineNo));
        }
        return entries;
    }

    public static async Task WriteAsync(string manifestPath, IEnumerable<ManifestEntry> entries, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(manifestPath, append: false, Encoding.UTF8);
        await writer.WriteLineAsync("# study-uid,relative-path,bytes".AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var e in entries.OrderBy(e => e.StudyInstanceUid, StringComparer.Ordinal))
        {
            var line = $"{e.StudyInstanceUid},{e.RelativePath.Replace('\\', '/')},{e.ExpectedBytes}";
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ManifestEntry Parse(string line, int lineNo)
    {
        var parts = line.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !long.TryParse(parts[2], out var bytes))
            throw new FormatException($"Manifest line {lineNo} is malformed: '{line}'");
        return new ManifestEntry(parts[0], parts[1], bytes);
    }
}
