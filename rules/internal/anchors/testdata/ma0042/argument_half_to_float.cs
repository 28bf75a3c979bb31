// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Argument_ImplicitNumericHalfToSingle_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A(Half value) => throw null;
    public Task AAsync(float value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A((Half)1); // want ASY006
    }
}
