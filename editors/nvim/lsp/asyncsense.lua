-- asyncsense for Neovim 0.11 and later.
--
-- Copy this file to ~/.config/nvim/lsp/asyncsense.lua (any lsp/ directory
-- on 'runtimepath' works) and add to init.lua:
--
--   vim.lsp.enable('asyncsense')
--
-- Override single keys without editing the file, for example:
--
--   vim.lsp.config('asyncsense', {
--     settings = { asyncsense = { severity = { ASY001 = 'error' } } },
--   })
--
-- Neovim attaches several servers to one buffer, so asyncsense runs next to
-- roslyn, csharp-ls or OmniSharp rather than replacing them.

local uv = vim.uv or vim.loop

-- The workspace asyncsense indexes: the nearest directory holding a solution
-- (*.sln, *.slnx), else the nearest holding a project (*.csproj), else the
-- repository (.git). root_markers cannot express globs, hence a function.
-- Returns nil for a file outside all three, which then runs without a
-- workspace instead of indexing whatever directory it happens to sit in.
local function find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local project, repo
  while dir do
    local scan = uv.fs_scandir(dir)
    while scan do
      local name = uv.fs_scandir_next(scan)
      if not name then
        break
      end
      if name:match('%.slnx?$') then
        return dir
      elseif not project and name:match('%.csproj$') then
        project = dir
      elseif not repo and name == '.git' then
        repo = dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    dir = parent ~= dir and parent or nil
  end
  return project or repo
end

-- The `asyncsense` settings section; every key is optional.
local settings = {
  -- Per-rule severity by ID or name: error, warning, suggestion, silent, none.
  -- severity = { ASY001 = 'error', ['async-void'] = 'none' },
  -- 'library' also reports awaits without ConfigureAwait(false).
  configureAwait = 'off',
  -- 'workspace' reports every file once indexed; 'openFiles' only open buffers.
  diagnostics = { scope = 'workspace' },
  -- Milliseconds between the last keystroke and the analysis.
  debounce = 50,
}

return {
  cmd = { 'asyncsense', 'serve' },
  filetypes = { 'cs' },
  root_dir = function(bufnr, on_dir)
    local name = vim.api.nvim_buf_get_name(bufnr)
    if name ~= '' then
      on_dir(find_root(name))
    end
  end,
  -- Neovim would send the filetype, 'cs'; other clients say 'csharp'.
  get_language_id = function()
    return 'csharp'
  end,
  -- Sent at start so the first analysis already uses them, and again when the
  -- server asks through workspace/configuration.
  init_options = settings,
  settings = { asyncsense = settings },
}
