using System;
using System.Threading.Tasks;

namespace Sensors.Streams
{
    public sealed class ReadingObserver<T> : IObserver<T>
    {
        private readonly Func<T, Task> _sink;

        public ReadingObserver(Func<T, Task> sink) => _sink = sink;

        public async void OnNext(T value)
        {
            await _sink(value);
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }

        public async void Replay(T[] values) // want ASY002
        {
            foreach (var v in values)
                await _sink(v);
        }

        public async void Broken(T value
        {
            await _sink(value);
        }
    }
}
