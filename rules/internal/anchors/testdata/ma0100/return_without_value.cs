// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test ReturnWithoutValue.
// anchor: MA0100 clean
// Third-party test data under its project's licence: see ../../NOTICE.
class TestClass
{
    void Test()
    {
        return;
    }
}
