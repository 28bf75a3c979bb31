using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Shop.Import
{
    public sealed class ImportWorker
    {
        private readonly IImportSource _source;
        private readonly CancellationTokenSource _shutdown = new CancellationTokenSource();
        private CancellationToken _stopping;
        private bool _paused;

        public ImportWorker(IImportSource source) => _source = source;

        public async Task RunAsync(IEnumerable<string> files, CancellationToken ct)
        {
            foreach (var file in files)
            {
                if (ct.IsCancellationRequested) // want ASY029
                    throw new OperationCanceledException();

                if (ct.IsCancellationRequested) // want ASY029
                {
                    throw new OperationCanceledException(ct);
                }

                if (_stopping.IsCancellationRequested) throw new OperationCanceledException(); // want ASY029

                if (_shutdown.Token.IsCancellationRequested) throw new System.OperationCanceledException(); // want ASY029

                await _source.ImportAsync(file, ct);
            }
        }

        public void Check(CancellationToken ct, HttpContext context)
        {
            if (context.RequestAborted.IsCancellationRequested) throw new OperationCanceledException(); // want ASY029
            if (ct.IsCancellationRequested)
                throw new OperationCanceledException("Import stopped by the operator");
            if (ct.IsCancellationRequested)
                throw new TaskCanceledException();
            if (_shutdown.IsCancellationRequested)
                throw new OperationCanceledException();
            if (!ct.IsCancellationRequested)
                throw new OperationCanceledException();
            if (ct.IsCancellationRequested || _paused)
                throw new OperationCanceledException();
            if (ct.IsCancellationRequested)
                return;
            if (ct.IsCancellationRequested)
            {
                Console.WriteLine("cancelled");
                throw new OperationCanceledException();
            }
            if (ct.IsCancellationRequested)
                throw new OperationCanceledException();
            else
                Console.WriteLine("running");
            if (ct.IsCancellationRequested)
                throw new OperationCanceledException(_shutdown.Token);
        }
    }

    public interface IImportSource
    {
        Task ImportAsync(string file, CancellationToken ct);
    }

    public sealed class Job
    {
        public bool IsCancellationRequested { get; set; }

        public void Step(Job job)
        {
            if (job.IsCancellationRequested) throw new OperationCanceledException();
        }
    }
}
