// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test AsyncMethodWithAsyncOverload.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

class Program
{
    static async Task Main()
    {
        var responseStream = new MemoryStream();
        var SerializerOptions = new JsonSerializerOptions();
        var ct = CancellationToken.None;
        await JsonSerializer.DeserializeAsync<Program>(responseStream, SerializerOptions, ct).ConfigureAwait(false);
    }
}
