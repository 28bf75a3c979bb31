-- Headless end-to-end test, driven by run.sh. With ASYNCSENSE_MODE=legacy,
-- Neovim was started with -u ../legacy.lua, the shipped snippet as the user's
-- whole config, and the FileType autocmd must have started the server. With
-- ASYNCSENSE_MODE=modern, lsp/asyncsense.lua is loaded: through
-- vim.lsp.enable on Neovim >= 0.11, else its fields go to start_client.
--
-- Then: diagnostic (UTF-16 column after non-ASCII text) -> hover -> quick fix
-- applied -> diagnostic cleared -> second buffer shares the client -> clean
-- stop (shutdown/exit, the process gone with status 0).

local uv = vim.uv or vim.loop
local mode = assert(os.getenv('ASYNCSENSE_MODE'))
local ws = assert(os.getenv('ASYNCSENSE_WS'))
local plugin = assert(os.getenv('ASYNCSENSE_NVIM'))
local orders = ws .. '/src/Shop/Orders.cs'
local clean = ws .. '/src/Shop/Clean.cs'

local function log(fmt, ...)
  io.stderr:write(string.format('[nvim %s] ' .. fmt .. '\n', mode, ...))
end

local function fail(fmt, ...)
  log('FAIL: ' .. fmt, ...)
  vim.cmd('cquit! 1')
end

local function check(cond, fmt, ...)
  if not cond then
    fail(fmt, ...)
  end
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'asyncsense' })
  end
  local out = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == 'asyncsense' then
      table.insert(out, c)
    end
  end
  return out
end

local function ours(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'asyncsense' then
      table.insert(out, d)
    end
  end
  return out
end

local function wait(ms, what, pred)
  if not vim.wait(ms, pred, 20) then
    fail('timed out after %d ms waiting for %s', ms, what)
  end
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  check(responses, '%s: %s', method, tostring(err))
  for _, r in pairs(responses) do
    -- The error field is `error` up to 0.9 and `err` from 0.10 on.
    local err = r.err or r.error
    check(not err, '%s answered %s', method, vim.inspect(err))
    return r.result
  end
  fail('%s: no response', method)
end

-- Start ------------------------------------------------------------------

if mode == 'modern' then
  local cfg = dofile(plugin .. '/lsp/asyncsense.lua')
  check(vim.deep_equal(cfg.cmd, { 'asyncsense', 'serve' }), 'cmd = %s', vim.inspect(cfg.cmd))
  check(vim.deep_equal(cfg.filetypes, { 'cs' }), 'filetypes = %s', vim.inspect(cfg.filetypes))
  check(cfg.settings.asyncsense == cfg.init_options, 'settings and init_options differ')
  if vim.lsp.config and vim.lsp.enable then
    vim.opt.runtimepath:prepend(plugin)
    vim.cmd('filetype on')
    vim.lsp.enable('asyncsense')
    vim.cmd('edit ' .. vim.fn.fnameescape(orders))
  else
    -- Neovim < 0.11 cannot load the file itself; the same table still
    -- describes the server, with root_dir resolved the way 0.11 would.
    vim.cmd('edit ' .. vim.fn.fnameescape(orders))
    vim.bo.filetype = 'cs'
    local root = 'not called'
    cfg.root_dir(vim.api.nvim_get_current_buf(), function(dir)
      root = dir
    end)
    cfg.name = 'asyncsense'
    cfg.root_dir = root
    local id = vim.lsp.start_client(cfg)
    check(id, 'start_client failed')
    vim.lsp.buf_attach_client(0, id)
  end
else
  -- The snippet ran as the config; the file named on the command line
  -- triggered its FileType autocmd.
  check(vim.fn.exists('#asyncsense#FileType') == 1, 'legacy.lua did not define its FileType autocmd')
  check(vim.api.nvim_buf_get_name(0) == orders, 'current buffer is %s', vim.api.nvim_buf_get_name(0))
end

local bufnr = vim.api.nvim_get_current_buf()
check(vim.bo[bufnr].filetype == 'cs', 'filetype = %q', vim.bo[bufnr].filetype)
wait(10000, 'the client to attach', function()
  return #clients_of(bufnr) == 1
end)
local client = clients_of(bufnr)[1]
check(client.config.root_dir == ws, 'root_dir = %s, want the solution directory %s', tostring(client.config.root_dir), ws)

-- Watch the exit status; a stop that has to kill the server is a failure.
local exited
local function on_exit(code, signal)
  exited = { code = code, signal = signal }
end
if type(client._on_exit_cbs) == 'table' then
  table.insert(client._on_exit_cbs, on_exit)
else
  local previous = client.config.on_exit
  client.config.on_exit = function(...)
    on_exit(...)
    if previous then
      previous(...)
    end
  end
end
local pid = client.rpc and client.rpc.pid

-- Diagnostic ---------------------------------------------------------------

wait(10000, 'the ASY001 diagnostic', function()
  return #ours(bufnr) > 0
end)
local diags = ours(bufnr)
check(#diags == 1, 'want one diagnostic, got %s', vim.inspect(diags))
local d = diags[1]
local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
check(code == 'ASY001', 'code = %s', tostring(code))
local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
local want = line:find('CountAsync().Result', 1, true)
check(want, 'line %d is %q', d.lnum + 1, line)
-- vim.diagnostic columns are bytes, converted from the server's UTF-16
-- columns; "Größe 🙂" before the finding makes any other unit land elsewhere.
check(d.col == want - 1, 'diagnostic at byte column %d, want %d (%q)', d.col, want - 1, line)
check(d.end_col == want - 1 + #'CountAsync().Result', 'diagnostic ends at %d', d.end_col)
log('diagnostic %s at %d:%d: %s', code, d.lnum + 1, d.col + 1, d.message)

-- Hover --------------------------------------------------------------------

vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col + 2 })
local hover = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
local text = hover and hover.contents and (hover.contents.value or hover.contents)
check(type(text) == 'string' and text:find('ASY001', 1, true) and text:find('Why is this bad?', 1, true),
  'hover = %s', vim.inspect(hover))
log('hover: %s', (text:gsub('\n.*', '')))

-- Quick fix ----------------------------------------------------------------

-- What `vim.lsp.buf.code_action()` sends with the cursor on the finding: the
-- cursor as the range and the line's diagnostics turned back into LSP ones.
vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
local line_diags
if vim.lsp.diagnostic.from then
  line_diags = vim.lsp.diagnostic.from(vim.diagnostic.get(bufnr, { lnum = d.lnum }))
else
  line_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum)
end
params.context = { diagnostics = line_diags, only = { 'quickfix' } }
local actions = request(bufnr, 'textDocument/codeAction', params) or {}
local action
for _, a in ipairs(actions) do
  if a.title and a.title:find('await', 1, true) then
    action = a
  end
end
check(action, 'no await quick fix among %s', vim.inspect(actions))
if not action.edit and not action.command then
  action = request(bufnr, 'codeAction/resolve', action)
end
if action.edit then
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
end
if action.command then
  request(bufnr, 'workspace/executeCommand', action.command)
end
local fixed = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
check(fixed:find('var n = await CountAsync();', 1, true), 'after the fix the line is %q', fixed)
log('applied %q: %s', action.title, vim.trim(fixed))

wait(10000, 'the diagnostic to clear after the edit', function()
  return #ours(bufnr) == 0
end)
log('diagnostic cleared')

-- A second C# buffer of the same workspace joins the same server.
vim.cmd('edit ' .. vim.fn.fnameescape(clean))
if mode == 'modern' and not (vim.lsp.config and vim.lsp.enable) then
  vim.bo.filetype = 'cs'
  vim.lsp.buf_attach_client(0, client.id)
end
local second = vim.api.nvim_get_current_buf()
wait(10000, 'Clean.cs to attach', function()
  return #clients_of(second) == 1
end)
check(clients_of(second)[1].id == client.id, 'Clean.cs got its own client')

-- Clean stop -----------------------------------------------------------------

vim.lsp.stop_client(client.id)
wait(10000, 'the server to exit', function()
  return exited ~= nil
end)
check(exited.code == 0 and exited.signal == 0, 'server exited with code %s signal %s', exited.code, exited.signal)
if pid then
  wait(5000, 'process ' .. pid .. ' to go', function()
    return uv.kill(pid, 0) ~= 0
  end)
end
log('server stopped cleanly')
vim.cmd('qall!')
