// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncVoidAnalyzerTests.cs), test LocalFunction_AsyncVoid.
// anchor: MA0155 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Sample
{
    void A()
    {
      async void Local() => throw null; // want ASY002
    }
}
