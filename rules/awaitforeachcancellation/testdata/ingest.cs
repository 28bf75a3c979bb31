using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Ingest
{
    public record Reading(string Sensor, double Value);

    public interface IReadingSource
    {
        IAsyncEnumerable<Reading> ReadAllAsync();
        IAsyncEnumerable<Reading> ReadSinceAsync(DateTime since, [EnumeratorCancellation] CancellationToken ct = default);
    }

    public sealed class IngestService
    {
        private readonly IReadingSource _source;
        private readonly Channel<Reading> _channel = Channel.CreateBounded<Reading>(100);

        public IngestService(IReadingSource source) => _source = source;

        public async Task<int> IngestAsync(CancellationToken ct)
        {
            var count = 0;
            await foreach (var reading in _source.ReadAllAsync()) // want ASY027
            {
                count++;
            }
            await foreach (var reading in _source.ReadAllAsync().WithCancellation(ct))
            {
                count++;
            }
            await foreach (var reading in _source.ReadAllAsync().ConfigureAwait(false)) // want ASY027
            {
                count++;
            }
            await foreach (var reading in _source.ReadAllAsync().WithCancellation(ct).ConfigureAwait(false))
            {
                count++;
            }
            await foreach (var reading in _source.ReadSinceAsync(DateTime.UtcNow, ct))
            {
                count++;
            }
            await foreach (var reading in _channel.Reader.ReadAllAsync(ct))
            {
                count++;
            }
            await foreach (var reading in _channel.Reader.ReadAllAsync())
            {
                count++;
            }
            return count;
        }

        public async Task<double> SumAsync(IAsyncEnumerable<Reading> readings, CancellationToken cancellationToken)
        {
            var sum = 0.0;
            await foreach (var r in readings) // want ASY027
            {
                sum += r.Value;
            }
            var recent = _source.ReadSinceAsync(DateTime.UtcNow.AddHours(-1), cancellationToken);
            await foreach (var r in recent)
            {
                sum += r.Value;
            }
            var all = _source.ReadAllAsync();
            await foreach (var r in all) // want ASY027
            {
                sum += r.Value;
            }
            return sum;
        }

        public async Task ParseAsync(Stream json, CancellationToken ct)
        {
            await foreach (var r in JsonSerializer.DeserializeAsyncEnumerable<Reading>(json, cancellationToken: ct))
            {
                Console.WriteLine(r);
            }
        }

        public async Task NoTokenAsync(IAsyncEnumerable<Reading> readings)
        {
            await foreach (var r in readings)
            {
                Console.WriteLine(r);
            }
        }

        public void Sync(IEnumerable<Reading> readings, CancellationToken ct)
        {
            foreach (var r in readings)
            {
                Console.WriteLine(r);
            }
        }
    }

    [ApiController]
    [Route("api/readings")]
    public sealed class ReadingsController : ControllerBase
    {
        private readonly IReadingSource _source;

        public ReadingsController(IReadingSource source) => _source = source;

        [HttpGet]
        public async Task<ActionResult<int>> Count()
        {
            var n = 0;
            await foreach (var r in _source.ReadAllAsync()) // want ASY027
            {
                n++;
            }
            return n;
        }
    }
}
