// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Method_NonGenericOverloadWithGenericAwaitableOverload_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        var x = "hello";
        Assert.That(x);
    }
}

static class Assert
{
    public static ValueAssertion That(string? value) => throw null;
    public static ValueAssertion<T> That<T>(T value) => throw null;
}

class ValueAssertion { }

class ValueAssertion<T>
{
    public TaskAwaiter GetAwaiter() => throw null;
}
