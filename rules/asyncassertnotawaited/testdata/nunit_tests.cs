using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Shop.Tests.NUnit
{
    public class Repository
    {
        public Task DeleteAsync(int id) => id < 0 ? throw new ArgumentOutOfRangeException(nameof(id)) : Task.CompletedTask;
        public void Delete(int id) { }
    }

    [TestFixture]
    public class RepositoryTests
    {
        private readonly Repository _repo = new Repository();

        [Test]
        public void Delete_rejects_negative()
        {
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _repo.DeleteAsync(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => _repo.DeleteAsync(-1)); // want ASY033
            Assert.Throws<ArgumentOutOfRangeException>(async () => await _repo.DeleteAsync(-1)); // want ASY033
            Assert.Throws<ArgumentOutOfRangeException>(() => _repo.Delete(-1));
            Assert.DoesNotThrow(() => _repo.DeleteAsync(1)); // want ASY033
            Assert.That(() => _repo.DeleteAsync(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
        }

        [Test]
        public async Task That_async()
        {
            Assert.ThatAsync(() => _repo.DeleteAsync(-1), Throws.TypeOf<ArgumentOutOfRangeException>()); // want ASY033
            await Assert.ThatAsync(() => _repo.DeleteAsync(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
        }
    }
}
