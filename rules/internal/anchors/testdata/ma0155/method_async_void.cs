// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncVoidAnalyzerTests.cs), test Method_AsyncVoid.
// anchor: MA0155 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Sample
{
    async void A() => throw null; // want ASY002
}
