using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Shipping.Labels
{
    public class LabelPrinter
    {
        internal void Print(string label) { }
        internal Task PrintAsync(string label) => Task.CompletedTask;
        public void Align() { }
        private Task AlignAsync() => Task.CompletedTask;
        void Calibrate() { }
        Task CalibrateAsync() => Task.CompletedTask;

        public Task RealignAsync()
        {
            Align(); // want ASY006
            return AlignAsync();
        }

        public Task ResetAsync()
        {
            Calibrate(); // want ASY006
            return Task.CompletedTask;
        }
    }

    public class LabelService
    {
        private readonly LabelPrinter _printer = new LabelPrinter();

        public Task SaveAsync(string path, string label)
        {
            File.WriteAllText(path, label); // want ASY006
            return Task.CompletedTask;
        }

        public Task<int> PrintAllAsync(IEnumerable<string> labels)
        {
            var n = 0;
            foreach (var label in labels)
            {
                _printer.Print(label); // want ASY006
                n++;
            }
            return Task.FromResult(n);
        }

        public ValueTask<string> PeekAsync(string path) => new ValueTask<string>(File.ReadAllText(path)); // want ASY006

        public IAsyncEnumerable<string> StreamAsync(string path)
        {
            var text = File.ReadAllText(path); // want ASY006
            return Split(text);
        }

        public Task AlignFromOutsideAsync()
        {
            _printer.Align();
            return Task.CompletedTask;
        }

        public Task PrintLaterAsync(string label)
        {
            return Task.Run(() => _printer.Print(label));
        }

        public Func<Task> Deferred(string path)
        {
            return () =>
            {
                File.WriteAllText(path, "");
                return Task.CompletedTask;
            };
        }

        public string Load(string path) => File.ReadAllText(path);

        public IEnumerable<string> Lines(string path)
        {
            foreach (var line in File.ReadLines(path))
            {
                yield return line;
            }
        }

        public Task SaveBoth(string path, string label)
        {
            Task Write()
            {
                File.WriteAllText(path, label); // want ASY006
                return Task.CompletedTask;
            }
            return Write();
        }

        private static async IAsyncEnumerable<string> Split(string text)
        {
            await Task.Yield();
            yield return text;
        }
    }
}
