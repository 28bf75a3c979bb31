// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncVoidAnalyzerTests.cs), test LocalFunction_AsyncTask.
// anchor: MA0155 clean
// Third-party test data under its project's licence: see ../../NOTICE.
class Sample
{
    void A()
    {
      async System.Threading.Tasks.Task Local() => throw null;
    }
}
