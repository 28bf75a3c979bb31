// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD105AvoidImplicitTaskSchedulerCurrentAnalyzerTests.cs), test StartNew_NoTaskScheduler_GeneratesNoWarningOnCustomTaskFactory.
// anchor: VSTHRD105 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    TaskFactory factory; // the analyzer doesn't know statically whether this has a safe default TaskScheduler set.

    void F() {
        factory.StartNew(() => { });
    }
}
