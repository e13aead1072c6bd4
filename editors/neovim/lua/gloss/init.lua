-- gloss: Neovim client for the gloss language server.
--
--   require("gloss").setup({ cmd = { "gloss", "serve" } })
--
-- Starts one `gloss serve` per corpus root (the nearest folder holding
-- gloss.toml or entities.toml) with Neovim's built-in LSP client and attaches
-- it to the corpus's articles (*.txt), brat standoff files (*.ann, filetype
-- `brat`), entities.toml and gloss.toml. Works on Neovim 0.7.2 and later:
-- `vim.lsp.start` is used when it exists, `vim.lsp.start_client` +
-- `vim.lsp.buf_attach_client` otherwise.

local M = {}

local api = vim.api
local uv = vim.uv or vim.loop

---@class GlossOptions
M.defaults = {
  -- Command line that starts the language server on stdio.
  cmd = { "gloss", "serve" },
  -- Extra environment for the server process, e.g. { RUST_LOG = "gloss=debug" }.
  cmd_env = nil,
  -- Files whose folder is a corpus root; the first marker found walking up
  -- from a buffer wins, in this order.
  root_markers = { "gloss.toml", "entities.toml" },
  -- Buffers with these filetypes are attached when they live in a corpus.
  filetypes = { "text", "brat" },
  -- Buffers with these extensions are attached whatever their filetype.
  extensions = { "txt", "ann" },
  -- Buffers with these file names are attached (the registry and manifest).
  filenames = { "entities.toml", "gloss.toml" },
  -- Severity per diagnostic code ("off", "hint", "info", "warning",
  -- "error"), e.g. { ["unknown-entity"] = "off" }. Sent as
  -- initializationOptions.checks and as the `gloss.checks` setting.
  checks = {},
  -- Extra settings, answered to workspace/configuration (section `gloss`)
  -- and sent with workspace/didChangeConfiguration; the `gloss` section also
  -- goes into initializationOptions. E.g. { gloss = { fixes = "edit" } }.
  settings = {},
  -- Extra initializationOptions.
  init_options = {},
  -- function(client, bufnr), called for every attached buffer.
  on_attach = nil,
  -- function(client, initialize_result)
  on_init = nil,
  -- function(code, signal, client_id)
  on_exit = nil,
  -- Client capabilities; default vim.lsp.protocol.make_client_capabilities().
  capabilities = nil,
  -- Per-method handlers for this client.
  handlers = nil,
  -- Show inlay hints (resolved dates). Uses vim.lsp.inlay_hint on Neovim
  -- 0.10+, end-of-line virtual text on older versions.
  inlay_hints = true,
  -- Refresh code lenses on attach, save and leaving insert mode.
  codelens = false,
  -- Start the server automatically when a matching buffer is opened.
  autostart = true,
  -- Client name, shown in :LspInfo and log lines.
  name = "gloss",
  -- Passed to the client (e.g. debounce_text_changes).
  flags = { debounce_text_changes = 150 },
}

M.options = nil

-- root directory -> client id
local clients = {}
local augroup = nil
local hint_ns = api.nvim_create_namespace("gloss_inlay_hints")

local function has(feature)
  return vim.fn.has(feature) == 1
end

local function native_inlay_hints()
  return vim.lsp.inlay_hint ~= nil and type(vim.lsp.inlay_hint.enable) == "function"
end

-- Client methods take `self` from Neovim 0.11 on.
local function client_notify(client, method, params)
  if has("nvim-0.11") then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function notify(msg, level)
  vim.notify("gloss: " .. msg, level or vim.log.levels.INFO)
end

local function list_contains(list, value)
  for _, v in ipairs(list or {}) do
    if v == value then
      return true
    end
  end
  return false
end

local function basename(path)
  return (path:gsub("[/\\]+$", ""):match("([^/\\]+)$")) or path
end

local function dirname(path)
  local d = path:gsub("[/\\]+$", ""):match("^(.*)[/\\][^/\\]*$")
  if d == "" then
    return "/"
  end
  return d
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

--- The corpus root for a file: the nearest ancestor folder holding one of
--- `root_markers` (tried in order), or nil.
function M.find_root(path, markers)
  markers = markers or (M.options or M.defaults).root_markers
  if not path or path == "" then
    return nil
  end
  path = vim.fn.fnamemodify(path, ":p")
  local stat = uv.fs_stat(path)
  local start = (stat and stat.type == "directory") and path or dirname(path)
  start = start:gsub("[/\\]+$", "")
  for _, marker in ipairs(markers) do
    local dir = start
    while dir and dir ~= "" do
      if exists(dir .. "/" .. marker) then
        return dir
      end
      local parent = dirname(dir)
      if not parent or parent == dir then
        break
      end
      dir = parent
    end
    if exists("/" .. marker) then
      return "/"
    end
  end
  return nil
end

--- Whether gloss should handle this buffer (ignoring where it lives).
function M.is_gloss_buffer(bufnr)
  local o = M.options or M.defaults
  if not api.nvim_buf_is_valid(bufnr) then
    return false
  end
  if vim.bo[bufnr].buftype ~= "" then
    return false
  end
  local name = api.nvim_buf_get_name(bufnr)
  if name == "" or name:match("^%a[%w+.-]*://") then
    return false
  end
  local base = basename(name)
  if list_contains(o.filenames, base) then
    return true
  end
  local ext = base:match("%.([^.]+)$")
  if ext and list_contains(o.extensions, ext) then
    return true
  end
  return list_contains(o.filetypes, vim.bo[bufnr].filetype)
end

-- An empty Lua table is encoded as a JSON array; the server wants objects.
local function as_object(t)
  if type(t) ~= "table" or next(t) == nil then
    return vim.empty_dict()
  end
  return t
end

local function client_by_id(id)
  return id and vim.lsp.get_client_by_id(id) or nil
end

local function client_is_live(client)
  if not client then
    return false
  end
  if type(client.is_stopped) == "function" then
    local ok, stopped = pcall(client.is_stopped, client)
    if ok then
      return not stopped
    end
  end
  return true
end

--------------------------------------------------------------------------
-- Inlay hints on Neovim < 0.10 (end-of-line virtual text)
--------------------------------------------------------------------------

local hint_state = {} -- bufnr -> { pending = bool, timer = uv timer }

local function hint_label(hint)
  local label = hint.label
  if type(label) == "table" then
    local parts = {}
    for _, part in ipairs(label) do
      parts[#parts + 1] = part.value or ""
    end
    label = table.concat(parts)
  end
  label = tostring(label or "")
  if hint.paddingLeft then
    label = " " .. label
  end
  if hint.paddingRight then
    label = label .. " "
  end
  return label
end

local function render_hints(bufnr, hints)
  if not api.nvim_buf_is_valid(bufnr) then
    return
  end
  api.nvim_buf_clear_namespace(bufnr, hint_ns, 0, -1)
  local by_line = {}
  for _, hint in ipairs(hints or {}) do
    local line = hint.position and hint.position.line
    if line then
      by_line[line] = by_line[line] or {}
      table.insert(by_line[line], hint)
    end
  end
  local line_count = api.nvim_buf_line_count(bufnr)
  for line, list in pairs(by_line) do
    if line < line_count then
      table.sort(list, function(a, b)
        return a.position.character < b.position.character
      end)
      local labels = {}
      for _, h in ipairs(list) do
        labels[#labels + 1] = vim.trim(hint_label(h))
      end
      pcall(api.nvim_buf_set_extmark, bufnr, hint_ns, line, 0, {
        virt_text = { { "  " .. table.concat(labels, "  "), "GlossInlayHint" } },
        virt_text_pos = "eol",
        hl_mode = "combine",
      })
    end
  end
end

local function request_hints(bufnr, client_id)
  if not api.nvim_buf_is_valid(bufnr) or not api.nvim_buf_is_loaded(bufnr) then
    return
  end
  local last = api.nvim_buf_line_count(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = {
      start = { line = 0, character = 0 },
      ["end"] = { line = last, character = 0 },
    },
  }
  vim.lsp.buf_request(bufnr, "textDocument/inlayHint", params, function(err, result, ctx)
    if ctx and ctx.client_id ~= client_id then
      return
    end
    if err then
      return
    end
    render_hints(bufnr, result)
  end)
end

local function schedule_hints(bufnr, client_id, delay)
  local st = hint_state[bufnr]
  if not st then
    return
  end
  if st.timer then
    st.timer:stop()
  else
    st.timer = uv.new_timer()
  end
  st.timer:start(delay or 200, 0, vim.schedule_wrap(function()
    request_hints(bufnr, client_id)
  end))
end

local function enable_fallback_hints(client, bufnr)
  if hint_state[bufnr] then
    return
  end
  hint_state[bufnr] = {}
  vim.cmd("highlight default link GlossInlayHint Comment")
  local group = api.nvim_create_augroup("gloss_inlay_hints_" .. bufnr, { clear = true })
  api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "TextChanged", "BufWritePost" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      schedule_hints(bufnr, client.id, 150)
    end,
  })
  api.nvim_create_autocmd({ "BufWipeout", "BufUnload" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      local st = hint_state[bufnr]
      if st and st.timer then
        st.timer:stop()
        st.timer:close()
      end
      hint_state[bufnr] = nil
      pcall(api.nvim_del_augroup_by_id, group)
    end,
  })
  schedule_hints(bufnr, client.id, 300)
end

local function refresh_all_hints()
  for bufnr, _ in pairs(hint_state) do
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == (M.options or M.defaults).name then
        schedule_hints(bufnr, c.id, 50)
      end
    end
  end
end

--- Shows or hides inlay hints in a buffer (0 = current).
function M.inlay_hints(bufnr, enable)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  if native_inlay_hints() then
    if enable == nil then
      enable = not vim.lsp.inlay_hint.is_enabled({ bufnr = bufnr })
    end
    vim.lsp.inlay_hint.enable(enable, { bufnr = bufnr })
    return
  end
  if enable == nil then
    enable = hint_state[bufnr] == nil
  end
  if enable then
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == (M.options or M.defaults).name then
        enable_fallback_hints(c, bufnr)
      end
    end
  else
    local st = hint_state[bufnr]
    if st then
      api.nvim_exec_autocmds("BufUnload", { buffer = bufnr, group = "gloss_inlay_hints_" .. bufnr })
    end
    api.nvim_buf_clear_namespace(bufnr, hint_ns, 0, -1)
  end
end

local function setup_inlay_hints(client, bufnr)
  local caps = client.server_capabilities or {}
  if not caps.inlayHintProvider then
    return
  end
  if native_inlay_hints() then
    pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  else
    enable_fallback_hints(client, bufnr)
  end
end

local function setup_codelens(client, bufnr)
  local caps = client.server_capabilities or {}
  if not caps.codeLensProvider then
    return
  end
  local group = api.nvim_create_augroup("gloss_codelens_" .. bufnr, { clear = true })
  api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      pcall(vim.lsp.codelens.refresh)
    end,
  })
  pcall(vim.lsp.codelens.refresh)
end

--------------------------------------------------------------------------
-- Clients
--------------------------------------------------------------------------

--- The client configuration for a corpus root (usable with vim.lsp.start).
function M.client_config(root)
  local o = M.options or M.defaults
  local checks = as_object(vim.deepcopy(o.checks or {}))
  local settings = vim.tbl_deep_extend("force", { gloss = {} }, vim.deepcopy(o.settings or {}))
  settings.gloss.checks = as_object(vim.tbl_extend("force", {}, settings.gloss.checks or {}, o.checks or {}))
  -- The server reads the same keys from initializationOptions as from the
  -- `gloss` settings section, so send those at initialize too.
  local init_options = vim.tbl_deep_extend("force", vim.deepcopy(settings.gloss), vim.deepcopy(o.init_options or {}))
  init_options.checks = checks

  local handlers = {}
  if not native_inlay_hints() then
    -- Neovim >= 0.10 handles the refresh request itself.
    handlers["workspace/inlayHint/refresh"] = function()
      refresh_all_hints()
      return vim.NIL
    end
  end
  handlers = vim.tbl_extend("force", handlers, o.handlers or {})

  return {
    name = o.name,
    cmd = o.cmd,
    cmd_env = o.cmd_env,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    capabilities = o.capabilities or vim.lsp.protocol.make_client_capabilities(),
    settings = settings,
    init_options = init_options,
    handlers = handlers,
    flags = o.flags,
    on_init = function(client, result)
      -- Neovim 0.7 does not send the settings by itself.
      client_notify(client, "workspace/didChangeConfiguration", { settings = client.config.settings })
      if o.on_init then
        o.on_init(client, result)
      end
    end,
    on_attach = function(client, bufnr)
      if o.inlay_hints then
        setup_inlay_hints(client, bufnr)
      end
      if o.codelens then
        setup_codelens(client, bufnr)
      end
      if o.on_attach then
        o.on_attach(client, bufnr)
      end
    end,
    on_exit = function(code, signal, client_id)
      for r, id in pairs(clients) do
        if id == client_id then
          clients[r] = nil
        end
      end
      if o.on_exit then
        o.on_exit(code, signal, client_id)
      end
    end,
  }
end

--- The running client for a root, if any.
function M.get_client(root)
  local client = client_by_id(clients[root])
  if client_is_live(client) then
    return client
  end
  clients[root] = nil
  return nil
end

--- Attaches gloss to a buffer (0 = current) if it belongs to a corpus.
--- Returns the client id, or nil.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  if not M.options then
    M.setup({})
  end
  if not M.is_gloss_buffer(bufnr) then
    return nil
  end
  local root = M.find_root(api.nvim_buf_get_name(bufnr), M.options.root_markers)
  if not root then
    return nil
  end
  local executable = M.options.cmd and M.options.cmd[1]
  if not executable or vim.fn.executable(executable) ~= 1 then
    notify(("server command %q is not executable; set cmd in require('gloss').setup()"):format(tostring(executable)),
      vim.log.levels.WARN)
    return nil
  end

  local client = M.get_client(root)
  if client then
    vim.lsp.buf_attach_client(bufnr, client.id)
    return client.id
  end

  local config = M.client_config(root)
  local id
  if type(vim.lsp.start) == "function" then
    id = vim.lsp.start(config, {
      bufnr = bufnr,
      reuse_client = function(c, conf)
        return c.name == conf.name and c.config.root_dir == conf.root_dir
      end,
    })
  else
    id = vim.lsp.start_client(config)
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end
  if not id then
    notify("failed to start " .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
    return nil
  end
  clients[root] = id
  return id
end

--- Stops every gloss client.
function M.stop()
  for root, id in pairs(clients) do
    if client_by_id(id) then
      vim.lsp.stop_client(id)
    end
    clients[root] = nil
  end
end

--- Stops the servers and attaches every gloss buffer again.
function M.restart()
  local buffers = {}
  for _, b in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_is_loaded(b) and M.is_gloss_buffer(b) then
      buffers[#buffers + 1] = b
    end
  end
  local ids = {}
  for _, id in pairs(clients) do
    ids[#ids + 1] = id
  end
  M.stop()
  vim.wait(5000, function()
    for _, id in ipairs(ids) do
      local c = client_by_id(id)
      if c and client_is_live(c) then
        return false
      end
    end
    return true
  end, 50)
  for _, b in ipairs(buffers) do
    M.attach(b)
  end
end

--- Runs `gloss stats --format json <root>` and shows the result in a split.
function M.stats(root)
  root = root or M.find_root(api.nvim_buf_get_name(0)) or vim.fn.getcwd()
  local exe = (M.options or M.defaults).cmd[1]
  local out = vim.fn.systemlist({ exe, "stats", "--format", "json", root })
  if vim.v.shell_error ~= 0 then
    notify("gloss stats failed: " .. table.concat(out, "\n"), vim.log.levels.ERROR)
    return
  end
  local text = table.concat(out, "\n")
  local lines = out
  if vim.fn.executable("python3") == 1 then
    local pretty = vim.fn.systemlist({ "python3", "-m", "json.tool" }, text)
    if vim.v.shell_error == 0 then
      lines = pretty
    end
  end
  vim.cmd("botright new")
  local buf = api.nvim_get_current_buf()
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].filetype = "json"
  vim.bo[buf].modifiable = false
  pcall(api.nvim_buf_set_name, buf, "gloss stats " .. root)
end

local function register_filetype()
  if vim.filetype and type(vim.filetype.add) == "function" then
    pcall(vim.filetype.add, { extension = { ann = "brat" } })
  end
end

--- Configures gloss. Every option has a default; see M.defaults.
function M.setup(opts)
  opts = opts or {}
  local expected = {
    cmd = "table", root_markers = "table", filetypes = "table", extensions = "table",
    filenames = "table", checks = "table", settings = "table", init_options = "table",
    on_attach = "function", on_init = "function", on_exit = "function",
    capabilities = "table", handlers = "table", flags = "table",
  }
  for key, ty in pairs(expected) do
    if opts[key] ~= nil and type(opts[key]) ~= ty then
      error(("gloss.setup: option %s must be a %s, got %s"):format(key, ty, type(opts[key])), 2)
    end
  end
  if type(opts.cmd) == "table" and #opts.cmd == 0 then
    error("gloss.setup: cmd must not be empty", 2)
  end
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts)
  -- Lists replace the defaults rather than merging index by index.
  for _, key in ipairs({ "cmd", "root_markers", "filetypes", "extensions", "filenames" }) do
    if opts[key] then
      M.options[key] = vim.deepcopy(opts[key])
    end
  end
  if opts.capabilities then
    M.options.capabilities = opts.capabilities
  end

  register_filetype()
  augroup = api.nvim_create_augroup("gloss", { clear = true })
  -- *.ann -> brat even when filetype detection is off (nvim -u NONE).
  api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = augroup,
    pattern = "*.ann",
    callback = function(args)
      if vim.bo[args.buf].filetype == "" then
        vim.bo[args.buf].filetype = "brat"
      end
    end,
  })
  if M.options.autostart then
    api.nvim_create_autocmd({ "BufReadPost", "BufNewFile", "FileType" }, {
      group = augroup,
      callback = function(args)
        local buf = args.buf
        vim.schedule(function()
          if api.nvim_buf_is_valid(buf) and api.nvim_buf_is_loaded(buf) then
            M.attach(buf)
          end
        end)
      end,
    })
    -- Buffers opened before setup().
    for _, b in ipairs(api.nvim_list_bufs()) do
      if api.nvim_buf_is_loaded(b) then
        M.attach(b)
      end
    end
  end

  api.nvim_create_user_command("GlossRestart", function()
    M.restart()
  end, { desc = "Restart the gloss language server" })
  api.nvim_create_user_command("GlossStats", function(cmd)
    M.stats(cmd.args ~= "" and vim.fn.fnamemodify(cmd.args, ":p") or nil)
  end, { nargs = "?", complete = "dir", desc = "Show annotation completeness (gloss stats)" })
  api.nvim_create_user_command("GlossInlayHints", function(cmd)
    local arg = cmd.args
    local enable = nil
    if arg == "on" or arg == "enable" then
      enable = true
    elseif arg == "off" or arg == "disable" then
      enable = false
    end
    M.inlay_hints(0, enable)
  end, {
    nargs = "?",
    complete = function()
      return { "on", "off", "toggle" }
    end,
    desc = "Show, hide or toggle gloss inlay hints",
  })
  return M
end

M._clients = clients

return M
