using System.Data;
using System.Data.Common;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Shop.Storage
{
    // Subclasses of abstract bases whose DisposeAsync just calls Dispose():
    // unless they override it, `await using` on a new instance gains nothing.
    public class AuditWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }

    public class FlushingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override ValueTask DisposeAsync() => default;
    }

    public class DerivedFlushingWriter : FlushingWriter
    {
    }

    public class TracingConnection : DbConnection
    {
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw null;
        protected override DbCommand CreateDbCommand() => throw null;
        public override void ChangeDatabase(string databaseName) => throw null;
        public override void Close() => throw null;
        public override void Open() => throw null;
        public override string ConnectionString { get; set; }
        public override string Database => "";
        public override string DataSource => "";
        public override string ServerVersion => "";
        public override ConnectionState State => ConnectionState.Closed;
    }

    public class LoggedFileStream : FileStream
    {
        public LoggedFileStream(string path) : base(path, FileMode.Open) { }
    }

    public class Exporter
    {
        public async Task ExportAsync(string path)
        {
            using var audit = new AuditWriter();
            using var connection = new TracingConnection();
            using var flushing = new FlushingWriter(); // want ASY020
            using var derived = new DerivedFlushingWriter(); // want ASY020
            using var file = new LoggedFileStream(path); // want ASY020
            using var made = Create(); // want ASY020
            await Task.Yield();
        }

        private static AuditWriter Create() => new AuditWriter();
    }
}
