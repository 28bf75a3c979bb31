-- asyncsense for Neovim 0.7 to 0.10 (0.11 and later: use lsp/asyncsense.lua).
--
-- Paste into init.lua, or save this file and add `dofile('/path/to/legacy.lua')`.
-- It starts one `asyncsense serve` per workspace when a C# buffer opens and
-- attaches every later C# buffer of that workspace to it. Other C# servers
-- (roslyn, csharp-ls, OmniSharp) keep running beside it.

local uv = vim.uv or vim.loop

-- The nearest directory holding a solution (*.sln, *.slnx), else a project
-- (*.csproj), else the repository (.git); nil outside all three, so a stray
-- file never makes the server index its whole parent directory.
local function asyncsense_root(path)
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
local asyncsense_settings = {
  -- severity = { ASY001 = 'error', ['async-void'] = 'none' },
  configureAwait = 'off', -- 'library' also wants ConfigureAwait(false)
  diagnostics = { scope = 'workspace' }, -- or 'openFiles'
  debounce = 50, -- milliseconds after the last change
}

-- Neovim 0.7 has no vim.lsp.start, so clients are reused by hand there.
local asyncsense_clients = {}

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('asyncsense', { clear = true }),
  pattern = 'cs',
  callback = function(args)
    local name = vim.api.nvim_buf_get_name(args.buf)
    if name == '' then
      return
    end
    local config = {
      name = 'asyncsense',
      cmd = { 'asyncsense', 'serve' },
      root_dir = asyncsense_root(name),
      init_options = asyncsense_settings,
      settings = { asyncsense = asyncsense_settings },
      get_language_id = function()
        return 'csharp'
      end,
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local key = config.root_dir or ''
    local id = asyncsense_clients[key]
    if not id or vim.lsp.client_is_stopped(id) then
      id = vim.lsp.start_client(config)
      asyncsense_clients[key] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
