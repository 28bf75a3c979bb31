using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Configuration;

public sealed class JsonConfigLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly string _directory;

    public JsonConfigLoader(string directory) => _directory = directory;

    public T Load<T>(string name) where T : new()
    {
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            return new T();
        }

        var json = File.ReadAllText(path);
        return JsonSerializer.Deserialize<T>(json, Options) ?? new T();
    }

    public async Task<T> LoadAsync<T>(string name, CancellationToken cancellationToken = default) where T : new()
    {
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            return new T();
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var value = await JsonSerializer.DeserializeAsync<T>(stream, Options, cancellationToken).ConfigureAwait(false);
        return value ?? new T();
    }

    public async Task<IReadOnlyDictionary<string, JsonElement>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
        {
            await using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream); // want ASY006
            result[Path.GetFileNameWithoutExtension(path)] = document.RootElement.Clone();
        }

        return result;
    }

    public async Task SaveAsync<T>(string name, T value, CancellationToken cancellationToken = default)
    {
        var path = PathFor(name);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, value, Options, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, path, overwrite: true);
    }

    public async Task<string> ReadRawAsync(string name, CancellationToken cancellationToken = default) // want ASY007
    {
        var path = PathFor(name);
        using var reader = new StreamReader(path);
        return reader.ReadToEnd(); // want ASY006
    }

    private string PathFor(string name)
    {
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid configuration name.", nameof(name));
        }

        return Path.Combine(_directory, name + ".json");
    }
}
