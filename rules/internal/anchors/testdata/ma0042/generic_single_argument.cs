// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test GenericArgument_SingleGenericArgument_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A<T>(List<T> value) => throw null;
    public Task AAsync<T>(List<T> value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A<int>(new List<int>()); // want ASY006
    }
}
