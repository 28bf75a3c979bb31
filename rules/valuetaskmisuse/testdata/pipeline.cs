using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Contoso.Pipeline
{
    public interface IFrameSource
    {
        ValueTask<int> ReadFrameAsync(Memory<byte> buffer, CancellationToken ct);
        ValueTask FlushAsync();
        Task<int> ReadLegacyAsync(byte[] buffer);
    }

    public sealed class FrameReader
    {
        private readonly IFrameSource _source;
        private readonly Channel<int> _channel = Channel.CreateUnbounded<int>();

        public FrameReader(IFrameSource source) => _source = source;

        public async Task<int> ReadTwiceAsync(Memory<byte> buffer, CancellationToken ct)
        {
            ValueTask<int> pending = _source.ReadFrameAsync(buffer, ct);
            var first = await pending;
            var second = await pending; // want ASY019
            return first + second;
        }

        public async Task<int> CheckedReadAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (await pending is 0)
            {
                throw new InvalidOperationException("empty frame");
            }
            return await pending; // want ASY019
        }

        public async Task<int> WaitedTwiceAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (!pending.IsCompletedSuccessfully)
            {
                await pending.ConfigureAwait(false);
            }
            return await pending.ConfigureAwait(false); // want ASY019
        }

        public async Task<int> FastPathAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (pending.IsCompletedSuccessfully)
            {
                return pending.Result;
            }
            return await pending;
        }

        public async Task<int> EitherAsync(Memory<byte> buffer, bool fast, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            int n;
            if (fast)
            {
                n = await pending;
            }
            else
            {
                n = 1 + await pending;
            }
            switch (n)
            {
                case 0:
                    return await Again(buffer, ct);
                default:
                    return n;
            }
        }

        private ValueTask<int> Again(Memory<byte> buffer, CancellationToken ct) => _source.ReadFrameAsync(buffer, ct);

        public async Task<int> CheckedOnceAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (ct.IsCancellationRequested || await pending is 0)
            {
                return 0;
            }
            return -1;
        }

        public async Task<int> ReadAndPeekAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            var count = await pending.ConfigureAwait(false);
            Console.WriteLine(pending.Result); // want ASY019
            var asTask = pending.AsTask(); // want ASY019
            return count;
        }

        public async Task<int> SumAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var frame = _source.ReadFrameAsync(buffer, ct);
            return await frame + await frame; // want ASY019
        }

        public async Task<int> ReadOnceAsync(Memory<byte> buffer, CancellationToken ct, bool fast)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (fast)
            {
                return await pending;
            }
            else
            {
                return await pending.ConfigureAwait(false);
            }
        }

        public async Task<int> ReadEitherAsync(Memory<byte> buffer, CancellationToken ct, bool fast)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (fast)
            {
                await pending;
                return 0;
            }
            return await pending;
        }

        public ValueTask<int> ReadFastAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            if (pending.IsCompletedSuccessfully)
            {
                return new ValueTask<int>(pending.Result);
            }
            return pending;
        }

        public int ReadBlocking(Memory<byte> buffer)
        {
            var pending = _source.ReadFrameAsync(buffer, CancellationToken.None);
            return pending.Result; // want ASY019
        }

        public void FlushBlocking()
        {
            _source.FlushAsync().GetAwaiter().GetResult(); // want ASY019
            var n = _source.ReadFrameAsync(Memory<byte>.Empty, CancellationToken.None).Result; // want ASY019
        }

        public async Task<int> ReadAsTaskAsync(Memory<byte> buffer, CancellationToken ct)
        {
            Task<int> task = _source.ReadFrameAsync(buffer, ct).AsTask();
            var a = await task;
            var b = await task;
            return a + b;
        }

        public async Task<int> ReadLegacyTwiceAsync(byte[] buffer)
        {
            var legacy = _source.ReadLegacyAsync(buffer);
            await legacy;
            return legacy.Result;
        }

        public async Task<int> ReadLoopAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var total = 0;
            for (var i = 0; i < 3; i++)
            {
                var pending = _source.ReadFrameAsync(buffer, ct);
                total += await pending;
            }
            return total;
        }

        public async Task<int> ReadPassedOnAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var pending = _source.ReadFrameAsync(buffer, ct);
            Track(pending);
            return await pending;
        }

        public async Task DrainAsync(CancellationToken ct)
        {
            while (await _channel.Reader.WaitToReadAsync(ct))
            {
                var item = await _channel.Reader.ReadAsync(ct);
                Console.WriteLine(item);
            }
        }

        private static void Track(ValueTask<int> pending) { }
    }
}
