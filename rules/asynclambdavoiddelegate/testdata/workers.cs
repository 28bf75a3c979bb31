using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Workers
{
    public class ImportWorker : IDisposable
    {
        private readonly IImporter _importer;
        private Timer _timer;
        private readonly CancellationTokenSource _cts = new CancellationTokenSource();

        public ImportWorker(IImporter importer) => _importer = importer;

        public void Start()
        {
            _timer = new Timer(async _ => await _importer.ImportAsync(), null, 0, 60_000); // want ASY003
            var thread = new Thread(async () => await _importer.ImportAsync()); // want ASY003
            thread.Start();
            var plain = new Thread(() => _importer.Import());
            plain.Start();
            ThreadPool.QueueUserWorkItem(async state => await _importer.ImportAsync()); // want ASY003
            ThreadPool.QueueUserWorkItem(state => _importer.Import());
            _cts.Token.Register(async () => await _importer.CancelAsync()); // want ASY003
            _cts.Token.Register(() => _importer.Cancel());
            Task.Run(async () => await _importer.ImportAsync());
            Task.Factory.StartNew(() => _importer.Import(), TaskCreationOptions.LongRunning);
        }

        public void RunBatch(IReadOnlyList<int> ids)
        {
            Parallel.ForEach(ids, async id => await _importer.ImportOneAsync(id)); // want ASY003
            Parallel.ForEach(ids, id => _importer.ImportOne(id));
            Parallel.For(0, ids.Count, async i => await _importer.ImportOneAsync(ids[i])); // want ASY003
            Parallel.Invoke(
                async () => await _importer.ImportAsync(), // want ASY003
                () => _importer.Import());
        }

        public async Task RunBatchAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            await Parallel.ForEachAsync(ids, cancellationToken, async (id, ct) => await _importer.ImportOneAsync(id));
        }

        public void Post(SynchronizationContext context)
        {
            context.Post(async _ => await _importer.ImportAsync(), null); // want ASY003
            SynchronizationContext.Current.Post(_ => _importer.Import(), null);
        }

        public void Dispose() => _timer?.Dispose();
    }

    public interface IImporter
    {
        Task ImportAsync();
        void Import();
        Task ImportOneAsync(int id);
        void ImportOne(int id);
        Task CancelAsync();
        void Cancel();
    }
}
