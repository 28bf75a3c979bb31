// The server's settings are exactly the contributed `asyncsense.*` keys
// other than the client's own (server.*, trace.*), so adding one to
// package.json is enough to send it. Free of the vscode module for tests.

interface Manifest {
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const clientOnly = /^asyncsense\.(server|trace)\./;

// serverKeys lists the keys below `asyncsense.`, dotted: "diagnostics.scope".
export function serverKeys(manifest: Manifest): string[] {
  return Object.keys(manifest.contributes.configuration.properties)
    .filter((k) => k.startsWith('asyncsense.') && !clientOnly.test(k))
    .map((k) => k.slice('asyncsense.'.length));
}

// serverSettings builds the nested object the server parses
// ({"diagnostics": {"scope": ...}}), the shape workspace/configuration
// answers with too.
export function serverSettings(keys: string[], get: (key: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const parts = key.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) {
      at = (at[p] ??= {}) as Record<string, unknown>;
    }
    at[parts[parts.length - 1]] = get(key);
  }
  return out;
}
