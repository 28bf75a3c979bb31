// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD110ObserveResultOfAsyncCallsAnalyzerTests.cs), test TaskInFinalizer.
// anchor: VSTHRD110 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

public class Test : IAsyncDisposable
{
~Test()
{
    Task.Run(async () => await DisposeAsync().ConfigureAwait(false)); // want ASY004
}

public async ValueTask DisposeAsync()
{
    await Task.Delay(5000);
}
}
