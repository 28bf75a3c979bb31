package lsp

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/asyncsense/asyncsense/rules"
)

// factsCache keeps each file's facts on disk, keyed by a hash of its
// content, so a restart re-parses only the files that changed. One JSON file
// per set of workspace roots, under a directory per build of asyncsense:
// a new build may extract different facts from the same text, so it
// starts a fresh cache rather than trusting an old one.
type factsCache struct {
	dir  string // "" when disabled
	log  *slog.Logger
	once sync.Once
	ns   string // the build's directory name
}

type cacheFile struct {
	Facts map[string]*rules.FileFacts `json:"facts"` // content hash -> facts
}

func openFactsCache(dir string, log *slog.Logger) *factsCache {
	switch dir {
	case "off":
		return &factsCache{log: log}
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			log.Info("no user cache directory; facts are not cached", "err", err)
			return &factsCache{log: log}
		}
		dir = filepath.Join(base, "asyncsense")
	}
	return &factsCache{dir: dir, log: log}
}

// namespace hashes the running executable: cheap next to parsing, and exact.
func (c *factsCache) namespace() string {
	c.once.Do(func() {
		c.ns = "facts-unknown"
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			c.ns = "facts-" + hex.EncodeToString(h.Sum(nil)[:8])
		}
	})
	return c.ns
}

func (c *factsCache) path(roots []string) string {
	sorted := append([]string(nil), roots...)
	sort.Strings(sorted)
	sum := sha256.Sum256([]byte(strings.Join(sorted, "\x00")))
	return filepath.Join(c.dir, c.namespace(), hex.EncodeToString(sum[:8])+".json")
}

// load returns the cached facts for these roots; a missing or unreadable
// cache is simply empty.
func (c *factsCache) load(roots []string) map[string]*rules.FileFacts {
	if c.dir == "" || len(roots) == 0 {
		return nil
	}
	data, err := os.ReadFile(c.path(roots))
	if err != nil {
		return nil
	}
	var cf cacheFile
	if err := json.Unmarshal(data, &cf); err != nil {
		c.log.Warn("ignoring a corrupt facts cache", "path", c.path(roots), "err", err)
		return nil
	}
	return cf.Facts
}

// save replaces the cache for these roots with the facts of this scan, so
// entries of deleted or changed files do not accumulate. Another server on
// the same roots may race: the rename makes the last writer win whole.
func (c *factsCache) save(roots []string, facts map[string]*rules.FileFacts) {
	if c.dir == "" || len(roots) == 0 {
		return
	}
	path := c.path(roots)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		c.log.Warn("cannot create the facts cache", "err", err)
		return
	}
	data, err := json.Marshal(cacheFile{Facts: facts})
	if err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-*.json")
	if err != nil {
		c.log.Warn("cannot write the facts cache", "err", err)
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return
	}
	c.prune()
}

// prune removes caches of other builds not used for a month.
func (c *factsCache) prune() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "facts-") || e.Name() == c.namespace() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 30*24*time.Hour {
			os.RemoveAll(filepath.Join(c.dir, e.Name()))
		}
	}
}

func contentHash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:16])
}
