using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Users
{
    public class User
    {
        public int Id { get; set; }
        public string Email { get; set; }
    }

    public interface IUserRepository
    {
        Task<User> GetByIdAsync(int id, CancellationToken ct);
        Task<IReadOnlyList<User>> ListAsync(CancellationToken ct);
        Task SaveAsync(User user, CancellationToken ct);
        ValueTask<User> GetCachedAsync(int id);
    }

    public class UserService
    {
        private readonly IUserRepository _repo;
        private readonly Stream _audit;

        public UserService(IUserRepository repo, Stream audit)
        {
            _repo = repo;
            _audit = audit;
        }

        public async Task<User> GetAsync(int id, CancellationToken ct) // want ASY009
        {
            return await _repo.GetByIdAsync(id, ct);
        }

        public async Task<User> GetConfiguredAsync(int id, CancellationToken ct) => await _repo.GetByIdAsync(id, ct).ConfigureAwait(false); // want ASY009

        public async Task SaveAsync(User user, CancellationToken ct) // want ASY009
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            await _repo.SaveAsync(user, ct);
        }

        public async ValueTask<User> GetCachedAsync(int id) => await _repo.GetCachedAsync(id); // want ASY009

        public async Task<IReadOnlyList<User>> ListAsync(CancellationToken ct) // want ASY009
        {
            Task<IReadOnlyList<User>> pending = _repo.ListAsync(ct);
            return await pending;
        }

        public async Task<object> GetBoxedAsync(int id, CancellationToken ct)
        {
            return await _repo.GetByIdAsync(id, ct);
        }

        public async Task<User> GetOrThrowAsync(int id, CancellationToken ct)
        {
            try
            {
                return await _repo.GetByIdAsync(id, ct);
            }
            catch (KeyNotFoundException)
            {
                throw new InvalidOperationException($"User {id} is missing");
            }
        }

        public async Task SaveAndLogAsync(User user, CancellationToken ct)
        {
            using var scope = new AuditScope(_audit);
            await _repo.SaveAsync(user, ct);
        }

        public async Task SaveTwiceAsync(User user, CancellationToken ct)
        {
            await _repo.SaveAsync(user, ct);
            await _repo.SaveAsync(user, ct);
        }

        public async Task<User> GetOrDefaultAsync(int id, CancellationToken ct)
        {
            if (id <= 0)
            {
                return null;
            }
            return await _repo.GetByIdAsync(id, ct);
        }

        public async Task<string> GetEmailAsync(int id, CancellationToken ct)
        {
            var user = await _repo.GetByIdAsync(id, ct);
            return user.Email;
        }

        public async Task FlushAsync(byte[] buffer)
        {
            await _audit.WriteAsync(buffer);
        }

        public async Task<User> GetUnknownAsync(int id) => await _legacy.FetchUserAsync(id);

        public async Task YieldAsync()
        {
            await Task.Yield();
        }

        public async Task DelayAsync(CancellationToken ct) => await Task.Delay(100, ct); // want ASY009

        public async void Fire() => await _repo.SaveAsync(new User(), CancellationToken.None);
    }

    [ApiController]
    [Route("api/users")]
    public class UsersController : ControllerBase
    {
        private readonly UserService _users;

        public UsersController(UserService users) => _users = users;

        [HttpGet("{id}")]
        public async Task<IActionResult> Get(int id, CancellationToken ct)
        {
            return Ok(await _users.GetAsync(id, ct));
        }

        [HttpPost]
        public async Task Post(User user, CancellationToken ct) => await _users.SaveAsync(user, ct); // want ASY009

        private async Task RefreshAsync(CancellationToken ct) // want ASY009
        {
            async Task Inner() => await Task.Delay(10, ct); // want ASY009
            await Inner();
        }
    }

    public sealed class AuditScope : IDisposable
    {
        public AuditScope(Stream stream) { }
        public void Dispose() { }
    }
}
