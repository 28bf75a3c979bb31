// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test Lambda.
// anchor: MA0100 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Net.Http;
using System.Threading.Tasks;
class TestClass
{
    public static async Task AnalyzerExample()
    {
        using ((IDisposable)null)
        {
            await ExecuteAsync(() => new HttpClient().GetAsync(new Uri("https://www.meziantou.net/"))).ConfigureAwait(false);
        }

        using ((IDisposable)null)
        {
            await ExecuteAsync(async () => await new HttpClient().GetAsync(new Uri("https://www.meziantou.net/"))).ConfigureAwait(false);
        }

        async Task ExecuteAsync(Func<Task> operation)
        {
            // we await the operation there
            await operation().ConfigureAwait(false);
        }
    }
}
