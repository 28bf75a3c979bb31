// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD114AvoidReturningNullTaskAnalyzerTests.cs), test ReturnNullableTask_NoDiagnostic.
// anchor: VSTHRD114 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test
{
    public Task? GetTask()
    {
        return null;
    }

    public Task<int>? GetTaskOfInt()
    {
        return null;
    }

    public Task<object?>? GetTaskOfNullableObject()
    {
        return null;
    }

    public void LocalFunc()
    {
        Task<object>? GetTaskObj()
        {
            return null;
        }
    }
}
