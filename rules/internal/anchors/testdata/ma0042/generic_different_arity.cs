// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test GenericArgument_DifferentArity_ShouldNotReport.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A(Dictionary<int, string> value) => throw null;
    public Task AAsync<T>(List<T> value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A(new Dictionary<int, string>());
    }
}
