using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Files.Browser
{
    public class DirectoryLister
    {
        public async Task<List<string>> ListAsync(string path)
        {
            return await Task.Run(async () => await ListPrimitive(path));
        }

        public async Task<string> ReadAsync(string path)
        {
            return await Task.Run(async () => await ReadCoreAsync(path)); // want ASY008
        }

        private Task<List<string>> ListPrimitive(string path)
        {
            var names = new List<string>(Directory.GetFiles(path));
            return Task.FromResult(names);
        }

        private async Task<string> ReadCoreAsync(string path)
        {
            return await File.ReadAllTextAsync(path);
        }
    }

    public class DirectoryListerTests
    {
        [Fact]
        public async Task ReadsOnAnotherThread()
        {
            var lister = new DirectoryLister();
            var text = await Task.Run(() => lister.ReadAsync("a.txt"));
            Assert.NotNull(text);
        }
    }
}
