// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Argument_ImplicitUserDefinedConversion_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Value
{
    public static implicit operator Value(string value) => new Value();
}

class Test
{
    public void A(Value value) => throw null;
    public Task AAsync(Value value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A("value"); // want ASY006
    }
}
