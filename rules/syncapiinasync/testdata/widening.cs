using System.Threading;
using System.Threading.Tasks;

namespace Shop.Metrics
{
    public class Gauge
    {
        public void Record(int value) { }
        public Task RecordAsync(long value, CancellationToken ct = default) => Task.CompletedTask;

        public void Sample(short value) { }
        public Task SampleAsync(double value) => Task.CompletedTask;

        public void Scale(int factor) { }
        public Task ScaleAsync(float factor) => Task.CompletedTask;

        public void Total(long sum) { }
        public Task TotalAsync(int sum) => Task.CompletedTask;

        public void Mean(long sum) { }
        public Task MeanAsync(double sum) => Task.CompletedTask;
    }

    public class Collector
    {
        private readonly Gauge _gauge = new Gauge();

        public async Task FlushAsync(CancellationToken ct)
        {
            // Arguments that bind to Record(int) also bind to RecordAsync(long).
            _gauge.Record(42); // want ASY006
            _gauge.Sample((short)1); // want ASY006

            // int to float and long to double may lose digits; long to int
            // does not convert at all: not the same arguments.
            _gauge.Scale(3);
            _gauge.Mean(7L);
            _gauge.Total(1L);

            await Task.Delay(1, ct);
        }
    }
}
