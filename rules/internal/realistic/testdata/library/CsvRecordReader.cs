using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Csv;

/// <summary>
/// Reads RFC 4180 records. Read() and ReadAsync() share one implementation
/// that is told whether it may block.
/// </summary>
public sealed class CsvRecordReader : IDisposable, IAsyncDisposable
{
    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = new();

    public CsvRecordReader(TextReader reader, char separator = ',')
    {
        _reader = reader;
        _separator = separator;
    }

    public long LineNumber { get; private set; }

    public IReadOnlyList<string>? Read()
    {
        var task = ReadCoreAsync(isAsync: false, CancellationToken.None);
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("The synchronous path must complete synchronously.");
        }

        return task.GetAwaiter().GetResult();
    }

    public ValueTask<IReadOnlyList<string>?> ReadAsync(CancellationToken cancellationToken = default)
        => ReadCoreAsync(isAsync: true, cancellationToken);

    private async ValueTask<IReadOnlyList<string>?> ReadCoreAsync(bool isAsync, CancellationToken cancellationToken)
    {
        var line = isAsync
            ? await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            : _reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        LineNumber++;
        _fields.Clear();
        _field.Clear();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    break;
                }

                var next = isAsync ? await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) : _reader.ReadLine();
                if (next is null)
                {
                    throw new FormatException($"Unterminated quoted field at line {LineNumber}.");
                }

                LineNumber++;
                _field.Append('\n');
                line = next;
                i = -1;
                continue;
            }

            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    _field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    _field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == _separator)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
            }
            else
            {
                _field.Append(c);
            }
        }

        _fields.Add(_field.ToString());
        return _fields.ToArray();
    }

    public async IAsyncEnumerable<IReadOnlyList<string>> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
    }

    public void Dispose() => _reader.Dispose();

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return default;
    }
}
