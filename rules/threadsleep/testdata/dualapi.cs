using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.IO
{
    // One core serves Read() and ReadAsync(): the sync API sleeps on purpose.
    public class Throttle
    {
        public void Wait(TimeSpan delay) => WaitCoreAsync(delay, useAsync: false, CancellationToken.None).GetAwaiter().GetResult();

        public Task WaitAsync(TimeSpan delay, CancellationToken ct) => WaitCoreAsync(delay, useAsync: true, ct);

        private async Task WaitCoreAsync(TimeSpan delay, bool useAsync, CancellationToken ct)
        {
            if (useAsync)
            {
                await Task.Delay(delay, ct);
            }
            else
            {
                Thread.Sleep(delay);
            }

            if (!useAsync)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Sleep(1); // want ASY005
            }
        }
    }
}
