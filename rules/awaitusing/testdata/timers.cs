using System;
using System.Threading.Tasks;
using System.Timers;

namespace Shop.Monitoring
{
    public class Heartbeat
    {
        public async Task BeatAsync()
        {
            using var timer = new Timer(1000);
            timer.Start();
            await Task.Delay(5000);
            using var threading = new System.Threading.Timer(_ => { }, null, 0, 1000); // want ASY020
            using var qualified = new System.Timers.Timer(500);
        }
    }
}
