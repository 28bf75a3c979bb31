// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncVoidAnalyzerTests.cs), test Method_Void.
// anchor: MA0155 clean
// Third-party test data under its project's licence: see ../../NOTICE.
class Sample
{
    void A() => throw null;
}
