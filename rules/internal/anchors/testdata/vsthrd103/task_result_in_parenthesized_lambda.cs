// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test TaskOfTResultInTaskReturningParentheticalLambdaWithinSyncMethod_GeneratesWarning.
// anchor: VSTHRD103 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test {
    void T() {
        Func<Task<int>> f = () => {
            Task<int> t = null;
            int result = t.Result; // want ASY001
            return Task.FromResult(result);
        };
    }
}
