// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncDelegateForSyncDelegateAnalyzerTests.cs), test List_ForEach_Async.
// anchor: MA0147 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
new System.Collections.Generic.List<int>().ForEach(async item => {}); // want ASY003
