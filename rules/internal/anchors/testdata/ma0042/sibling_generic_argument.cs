// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test FixerKeepsGenericArgument.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Buz
{
    private static async Task Do()
    {
        Bar.Foo<int>(); // want ASY006
    }
}

class Bar
{
    public static T Foo<T>()
        => default;

    public static Task<T> FooAsync<T>()
        => Task.FromResult(default(T));
}
