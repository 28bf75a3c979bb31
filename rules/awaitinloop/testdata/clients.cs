using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directory.Sync
{
    public interface IUserClient
    {
        Task<User> GetUserAsync(int id, CancellationToken ct = default);
        Task<Avatar> GetAvatarAsync(string login);
        User GetCachedUser(int id);
    }

    public interface IUserRepository
    {
        Task<User> FindAsync(int id);
    }

    public class User
    {
        public int Id { get; set; }
        public string Login { get; set; }
    }

    public class Avatar
    {
        public byte[] Pixels { get; set; }
    }

    public class DirectoryDbContext : DbContext
    {
        public DbSet<User> Users { get; set; }
    }

    public class UserSync
    {
        private readonly IUserClient _client;
        private readonly IUserRepository _repository;
        private readonly DirectoryDbContext _db;
        private readonly HttpClient _http;
        private readonly List<User> _seen = new List<User>();

        public UserSync(IUserClient client, IUserRepository repository, DirectoryDbContext db, HttpClient http)
        {
            _client = client;
            _repository = repository;
            _db = db;
            _http = http;
        }

        public async Task<List<User>> LoadAsync(IEnumerable<int> ids, CancellationToken ct)
        {
            var users = new List<User>();
            foreach (var id in ids)
            {
                var user = await _client.GetUserAsync(id, ct); // want ASY010
                users.Add(user);
            }
            return users;
        }

        public async Task<List<Avatar>> AvatarsAsync(string[] logins)
        {
            var avatars = new List<Avatar>();
            foreach (var login in logins)
                avatars.Add(await _client.GetAvatarAsync(login)); // want ASY010
            return avatars;
        }

        public async Task<string[]> PagesAsync(string[] urls)
        {
            var pages = new string[urls.Length];
            for (int i = 0; i < urls.Length; i++)
            {
                pages[i] = await _http.GetStringAsync(urls[i]).ConfigureAwait(false); // want ASY010
            }
            return pages;
        }

        public async Task<List<User>> DependentAsync(IEnumerable<int> ids)
        {
            var users = new List<User>();
            User previous = null;
            foreach (var id in ids)
            {
                var user = await _client.GetUserAsync(previous?.Id ?? id);
                users.Add(user);
                previous = user;
            }
            foreach (var id in ids)
            {
                var user = await _client.GetUserAsync(id);
                if (user != null)
                {
                    users.Add(user);
                }
            }
            foreach (var id in ids)
            {
                var user = await _client.GetUserAsync(id);
                users.Add(user);
                await Task.Delay(100);
            }
            foreach (var user in users.ToList())
            {
                users.Add(await _client.GetUserAsync(user.Id));
            }
            return users;
        }

        public async Task<List<User>> DatabaseAsync(IEnumerable<int> ids)
        {
            var users = new List<User>();
            foreach (var id in ids)
            {
                users.Add(await _db.Users.FindAsync(id));
            }
            foreach (var id in ids)
            {
                var user = await _repository.FindAsync(id);
                users.Add(user);
            }
            foreach (var id in ids)
            {
                users.Add(await _db.Users.FirstAsync(u => u.Id == id));
            }
            return users;
        }

        public async Task<List<string>> LinesAsync(StreamReader reader, int count)
        {
            var lines = new List<string>();
            for (int i = 0; i < count; i++)
            {
                lines.Add(await reader.ReadLineAsync());
            }
            return lines;
        }

        public async Task<List<User>> OtherShapesAsync(List<int> ids)
        {
            var users = new List<User>();
            foreach (var id in ids)
            {
                users.Add(_client.GetCachedUser(id));
            }
            foreach (var id in ids)
            {
                await _client.GetUserAsync(id);
            }
            foreach (var id in ids)
            {
                users.Add(await _client.GetUserAsync(ids.Count));
            }
            foreach (var id in ids)
            {
                _seen.Add(await Normalize(await _client.GetUserAsync(id)));
            }
            await foreach (var user in StreamAsync(ids))
            {
                users.Add(user);
            }
            var tasks = ids.Select(id => _client.GetUserAsync(id)).ToArray();
            users.AddRange(await Task.WhenAll(tasks));
            return users;
        }

        private Task<User> Normalize(User user) => Task.FromResult(user);

        private async IAsyncEnumerable<User> StreamAsync(List<int> ids)
        {
            foreach (var id in ids)
            {
                yield return await _client.GetUserAsync(id);
            }
        }
    }
}
