// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test DoNotSuggestAsyncAlternativeWhenItReturnsVoid.
// anchor: VSTHRD103 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test {
    void LogInformation() { }
    void LogInformationAsync() { }

    Task MethodAsync()
    {
        LogInformation();
        return Task.CompletedTask;
    }
}
