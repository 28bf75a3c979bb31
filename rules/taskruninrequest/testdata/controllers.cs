using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Docs.Api
{
    public interface IDocumentStore
    {
        Task<byte[]> LoadAsync(string id, CancellationToken ct);
        byte[] Load(string id);
    }

    [ApiController]
    [Route("api/documents")]
    public class DocumentsController : ControllerBase
    {
        private readonly IDocumentStore _store;

        public DocumentsController(IDocumentStore store) => _store = store;

        [HttpGet("{id}/hash")]
        public async Task<ActionResult<string>> Hash(string id, CancellationToken ct)
        {
            var bytes = await _store.LoadAsync(id, ct);
            var hash = await Task.Run(() => Convert.ToHexString(SHA256.HashData(bytes)), ct); // want ASY025
            return Ok(hash);
        }

        [HttpGet("{id}")]
        public async Task<IActionResult> Get(string id)
        {
            var bytes = await Task.Run(() => _store.Load(id)).ConfigureAwait(false); // want ASY025
            var text = await System.Threading.Tasks.Task.Run(() => File.ReadAllText(id)); // want ASY025
            var again = await Task.Run(() => _store.LoadAsync(id, CancellationToken.None));
            return File(bytes, "application/pdf");
        }

        [HttpPost("reindex")]
        public async Task<IActionResult> Reindex()
        {
            _ = Task.Run(() => RebuildIndex());
            var pending = Task.Run(() => RebuildIndex());
            await pending;
            await Task.Run(async () => // want ASY025
            {
                await Task.Delay(10);
                RebuildIndex();
            });
            return Accepted();
        }

        [NonAction]
        public async Task<int> CountWords(string text)
        {
            return await Task.Run(() => text.Split(' ').Length);
        }

        private async Task<int> Checksum(byte[] data)
        {
            return await Task.Run(() => data.Sum(b => b));
        }

        public static async Task<int> Helper(byte[] data)
        {
            return await Task.Run(() => data.Length);
        }

        private void RebuildIndex() { }
    }

    public class ReportsController : Controller
    {
        public async Task<IActionResult> Export(List<int> rows)
        {
            var csv = await Task.Run(() => string.Join(",", rows)); // want ASY025
            return Content(csv);
        }
    }

    public class EditModel : PageModel
    {
        public async Task<IActionResult> OnPostAsync(string body)
        {
            var cleaned = await Task.Run(() => body.Trim()); // want ASY025
            return Page();
        }

        public async Task<string> FormatAsync(string body)
        {
            return await Task.Run(() => body.ToUpperInvariant());
        }
    }

    public class ThumbnailService
    {
        public async Task<byte[]> ResizeAsync(byte[] image)
        {
            return await Task.Run(() => image.Reverse().ToArray());
        }
    }
}
