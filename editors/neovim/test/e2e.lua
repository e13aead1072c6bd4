-- End-to-end test of gloss with Neovim's built-in LSP client.
--
-- Run through test/run.sh, which prepares a corpus copy and sets
--   GLOSS_BIN     the gloss executable
--   GLOSS_CORPUS  a copy of seeds/ without 001_40905b9287ca137d.ann
-- Exits 0 on success, 1 with a message on stderr on failure.

local api = vim.api
local uv = vim.uv or vim.loop

local GLOSS_BIN = os.getenv("GLOSS_BIN")
local CORPUS = os.getenv("GLOSS_CORPUS")
local TIMEOUT = tonumber(os.getenv("GLOSS_E2E_TIMEOUT") or "") or 30000
local ENC = "utf-16"

local function out(msg)
  io.stdout:write("e2e: " .. msg .. "\n")
  io.stdout:flush()
end

local function stop_all_clients()
  local ok, clients = pcall(function()
    return vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  end)
  if ok then
    for _, c in ipairs(clients) do
      pcall(vim.lsp.stop_client, c.id)
    end
    vim.wait(2000, function()
      local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
      return #all == 0
    end, 50)
  end
end

local server_exit = nil

local function fail(msg, data)
  io.stderr:write("e2e: FAIL: " .. msg .. "\n")
  if server_exit then
    io.stderr:write(("e2e: the server exited (code %s, signal %s)\n"):format(server_exit.code, server_exit.signal))
  end
  if data ~= nil then
    io.stderr:write(vim.inspect(data) .. "\n")
  end
  local log = vim.lsp.get_log_path and vim.lsp.get_log_path()
  if log then
    io.stderr:write("e2e: Neovim LSP log (server stderr included): " .. log .. "\n")
  end
  io.stderr:flush()
  stop_all_clients()
  vim.cmd("cquit 1")
  os.exit(1)
end

local function check(cond, msg, data)
  if not cond then
    fail(msg, data)
  end
  return cond
end

-- vim.wait that gives up as soon as the server has exited.
local function wait(ms, pred)
  return vim.wait(ms, function()
    return server_exit ~= nil or pred()
  end, 20) and server_exit == nil
end

local function realpath(p)
  return uv.fs_realpath(p) or p
end

local function uri_path(uri)
  return realpath(vim.uri_to_fname(uri))
end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then
    return nil
  end
  local s = f:read("*a")
  f:close()
  return s
end

local function file_lines(path)
  local s = check(read_file(path), "cannot read " .. path)
  local lines = {}
  for line in (s .. "\n"):gmatch("([^\n]*)\n") do
    lines[#lines + 1] = (line:gsub("\r$", ""))
  end
  if s:sub(-1) == "\n" then
    lines[#lines] = nil
  end
  return lines
end

-- UTF-16 column of a 0-based byte column.
local function utf16_col(line, byte_col)
  if byte_col == 0 then
    return 0
  end
  if vim.fn.has("nvim-0.11") == 1 then
    return vim.str_utfindex(line, "utf-16", byte_col, false)
  end
  local _, u16 = vim.str_utfindex(line, byte_col)
  return u16
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  local list = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    list[#list + 1] = c
  end
  return list
end

local function gloss_client(bufnr)
  for _, c in ipairs(clients_of(bufnr)) do
    if c.name == "gloss" then
      return c
    end
  end
  return nil
end

-- Sends a request to the gloss client only and waits for the answer.
local function request(bufnr, method, params)
  local client = check(gloss_client(bufnr), "no gloss client attached to buffer " .. bufnr)
  local done, response = false, nil
  local handler = function(err, result)
    response = { err = err, result = result }
    done = true
  end
  local ok
  if vim.fn.has("nvim-0.11") == 1 then
    ok = client:request(method, params, handler, bufnr)
  else
    ok = client.request(method, params, handler, bufnr)
  end
  check(ok, method .. ": the client refused to send the request", params)
  if not wait(TIMEOUT, function()
    return done
  end) then
    fail(method .. ": no response within " .. TIMEOUT .. " ms", params)
  end
  if response.err then
    fail(method .. " returned an error", { params = params, error = response.err })
  end
  return response.result
end

local function markup_text(contents)
  if contents == nil or contents == vim.NIL then
    return ""
  end
  if type(contents) == "string" then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = markup_text(c)
  end
  return table.concat(parts, "\n")
end

local function code_of(d)
  return d.code and tostring(d.code) or nil
end

local function overlaps(range, line, s, e)
  local rs, re = range.start, range["end"]
  if line < rs.line or line > re.line then
    return false
  end
  local a = (rs.line == line) and rs.character or 0
  local b = (re.line == line) and re.character or math.huge
  return a < e and s < b
end

local function same_range(a, b)
  return a.start.line == b.start.line and a.start.character == b.start.character
    and a["end"].line == b["end"].line and a["end"].character == b["end"].character
end

local function summary(diags)
  local lines = {}
  for _, d in ipairs(diags or {}) do
    lines[#lines + 1] = ("%s %d:%d-%d:%d %s"):format(code_of(d) or "?", d.range.start.line + 1,
      d.range.start.character, d.range["end"].line + 1, d.range["end"].character, d.message or "")
  end
  return lines
end

---------------------------------------------------------------------------
-- Setup
---------------------------------------------------------------------------

check(GLOSS_BIN and GLOSS_BIN ~= "", "GLOSS_BIN is not set (run test/run.sh GLOSS_BIN)")
check(CORPUS and CORPUS ~= "", "GLOSS_CORPUS is not set (run test/run.sh GLOSS_BIN)")
check(vim.fn.executable(GLOSS_BIN) == 1, "GLOSS_BIN is not executable: " .. tostring(GLOSS_BIN))
CORPUS = realpath(CORPUS)

local ARTICLE = CORPUS .. "/001_40905b9287ca137d.txt"
local ANN = CORPUS .. "/001_40905b9287ca137d.ann"
local REGISTRY = CORPUS .. "/entities.toml"
check(uv.fs_stat(ARTICLE), "missing " .. ARTICLE)
check(uv.fs_stat(REGISTRY), "missing " .. REGISTRY)
check(not uv.fs_stat(ANN), ANN .. " should have been removed from the corpus copy")

if os.getenv("GLOSS_E2E_DEBUG") then
  vim.lsp.set_log_level("debug")
end

-- Every publishDiagnostics, keyed by file path.
local published = {}
local default_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result and result.uri then
    local key = uri_path(result.uri)
    local entry = published[key] or { count = 0 }
    entry.count = entry.count + 1
    entry.diagnostics = result.diagnostics or {}
    published[key] = entry
  end
  return default_publish(err, result, ctx, config)
end

local gloss = require("gloss")
gloss.setup({
  cmd = { GLOSS_BIN, "serve" },
  -- Quick fixes as workspace edits, which the test applies itself. (By
  -- default gloss answers with a `gloss.applyFix` command, which writes the
  -- .ann file on the server side, when the .ann file is not open.)
  settings = { gloss = { fixes = "edit" } },
  init_options = { fixes = "edit" },
  on_exit = function(code, signal)
    server_exit = { code = code, signal = signal }
  end,
})
out("Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "."
  .. tostring(vim.version().patch) .. ", server " .. GLOSS_BIN .. " serve")

vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
local buf = api.nvim_get_current_buf()
local article_lines = file_lines(ARTICLE)

if not wait(TIMEOUT, function()
  local c = gloss_client(buf)
  return c ~= nil and (c.initialized == nil or c.initialized) and c.server_capabilities ~= nil
end) then
  fail("the gloss client did not attach to " .. ARTICLE .. " and initialize within " .. TIMEOUT .. " ms")
end
local client = gloss_client(buf)
check(client.config.root_dir == CORPUS or realpath(client.config.root_dir) == CORPUS,
  "client root should be the corpus root", { root_dir = client.config.root_dir, expected = CORPUS })
out("ok - client attached, root " .. client.config.root_dir)

---------------------------------------------------------------------------
-- Diagnostics
---------------------------------------------------------------------------

local function article_diags()
  local entry = published[realpath(ARTICLE)]
  return entry and entry.diagnostics or {}, entry and entry.count or 0
end

local function find_diag(diags, code, line, s, e)
  for _, d in ipairs(diags) do
    if code_of(d) == code and overlaps(d.range, line, s, e) then
      return d
    end
  end
  return nil
end

-- "yesterday" (any case, whole word) everywhere in the article.
local expected_dates = {}
for i, line in ipairs(article_lines) do
  local lower = line:lower()
  local from = 1
  while true do
    local s, e = lower:find("%f[%w]yesterday%f[^%w]", from)
    if not s then
      break
    end
    expected_dates[#expected_dates + 1] = {
      line = i - 1,
      s = utf16_col(line, s - 1),
      e = utf16_col(line, e),
      text = line:sub(s, e),
    }
    from = e + 1
  end
end
check(#expected_dates >= 2, "the article should contain 'yesterday' at least twice", expected_dates)

-- Plain "<source> said" attributions.
local expected_claims = {}
for _, phrase in ipairs({ "Mr Putin said the Kremlin", "Mr Ivanov said that" }) do
  for i, line in ipairs(article_lines) do
    local s = line:find(phrase, 1, true)
    if s then
      expected_claims[#expected_claims + 1] = {
        phrase = phrase,
        line = i - 1,
        s = utf16_col(line, s - 1),
        e = utf16_col(line, s - 1 + #phrase),
      }
      break
    end
  end
end
check(#expected_claims == 2, "the article should contain the attribution phrases", expected_claims)

-- The manifest gives 001 a publication date, and the registry knows George
-- Robertson: diagnostics saying otherwise were computed without them.
local function registry_or_manifest_missing(diags)
  local wrong = {}
  for _, d in ipairs(diags) do
    if code_of(d) == "missing-publication-date"
      or (code_of(d) == "unknown-entity" and (d.message or ""):find("Robertson", 1, true)) then
      wrong[#wrong + 1] = d
    end
  end
  return wrong
end

local function all_expected_present()
  local diags = article_diags()
  if #registry_or_manifest_missing(diags) > 0 then
    return false
  end
  for _, x in ipairs(expected_dates) do
    if not find_diag(diags, "unannotated-date", x.line, x.s, x.e) then
      return false
    end
  end
  for _, x in ipairs(expected_claims) do
    if not find_diag(diags, "unannotated-claim", x.line, 0, math.huge) then
      return false
    end
  end
  return true
end

wait(TIMEOUT, all_expected_present)
do
  local diags, count = article_diags()
  check(count > 0, "no textDocument/publishDiagnostics for " .. ARTICLE .. " within " .. TIMEOUT .. " ms")
  for _, x in ipairs(expected_dates) do
    check(find_diag(diags, "unannotated-date", x.line, x.s, x.e),
      ("expected an unannotated-date diagnostic on %q at line %d, columns %d-%d (UTF-16)"):format(
        x.text, x.line + 1, x.s, x.e), summary(diags))
  end
  out(("ok - unannotated-date on every 'yesterday' (lines %s)"):format(table.concat(vim.tbl_map(function(x)
    return tostring(x.line + 1)
  end, expected_dates), ", ")))
  for _, x in ipairs(expected_claims) do
    check(find_diag(diags, "unannotated-claim", x.line, 0, math.huge),
      ("expected an unannotated-claim diagnostic on line %d (%q)"):format(x.line + 1, x.phrase), summary(diags))
  end
  local wrong = registry_or_manifest_missing(diags)
  check(#wrong == 0, "the article's diagnostics ignore gloss.toml or entities.toml (the manifest dates 001 "
    .. "and the registry has george-robertson); latest publish:", summary(diags))
  out(("ok - unannotated-claim on lines %s"):format(table.concat(vim.tbl_map(function(x)
    return tostring(x.line + 1)
  end, expected_claims), ", ")))
  -- The same diagnostics must have reached vim.diagnostic.
  local vd = vim.diagnostic.get(buf)
  check(#vd == #diags, "vim.diagnostic.get() does not match the published diagnostics",
    { published = #diags, vim_diagnostic = #vd })
  out(("ok - %d diagnostics published for the article"):format(#diags))
end

---------------------------------------------------------------------------
-- Hover and definition on "Lord George Robertson"
---------------------------------------------------------------------------

local mention = "Lord George Robertson"
local mline, mcol
for i, line in ipairs(article_lines) do
  local s = line:find(mention, 1, true)
  if s then
    mline = i - 1
    -- Inside "Robertson".
    local byte = s - 1 + #"Lord George " + 2
    mcol = utf16_col(line, byte)
    break
  end
end
check(mline, "the article should mention " .. mention)
local position_params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = mline, character = mcol },
}

local hover = request(buf, "textDocument/hover", position_params)
check(hover and hover ~= vim.NIL, ("textDocument/hover on %q (line %d, character %d) returned null"):format(
  mention, mline + 1, mcol), position_params)
local hover_text = markup_text(hover.contents)
check(hover_text:find("NATO Secretary General", 1, true),
  "the hover card for " .. mention .. " should mention \"NATO Secretary General\"", hover_text)
out(("ok - hover on %q (line %d) mentions NATO Secretary General"):format(mention, mline + 1))

local registry_lines = file_lines(REGISTRY)
local header_line
for i, line in ipairs(registry_lines) do
  if line:match("^%s*%[george%-robertson%]%s*$") or line:match("^%s*%[george%-robertson%]%s*#") then
    header_line = i - 1
    break
  end
end
check(header_line, "entities.toml should have a [george-robertson] table")

local def = request(buf, "textDocument/definition", position_params)
check(def and def ~= vim.NIL, "textDocument/definition on " .. mention .. " returned null", position_params)
local locations = def.uri and { def } or def.targetUri and { def } or def
check(type(locations) == "table" and #locations >= 1, "textDocument/definition returned no location", def)
local loc = locations[1]
local target_uri = loc.uri or loc.targetUri
local target_range = loc.range or loc.targetSelectionRange or loc.targetRange
check(uri_path(target_uri) == realpath(REGISTRY),
  "definition should land in entities.toml", { got = target_uri, expected = REGISTRY })
check(target_range.start.line == header_line,
  ("definition should land on the [george-robertson] header (line %d of entities.toml)"):format(header_line + 1),
  { got_line = target_range.start.line + 1, location = loc })

-- Jump like a user would, and check where the cursor is.
local as_location = { uri = target_uri, range = target_range }
if vim.lsp.util.show_document then
  vim.lsp.util.show_document(as_location, ENC, { focus = true })
else
  vim.lsp.util.jump_to_location(as_location, ENC)
end
check(realpath(api.nvim_buf_get_name(0)) == realpath(REGISTRY), "the jump should open entities.toml",
  api.nvim_buf_get_name(0))
local cursor = api.nvim_win_get_cursor(0)
check(cursor[1] - 1 == header_line, "the cursor should be on the [george-robertson] header",
  { cursor_line = cursor[1], header_line = header_line + 1 })
out(("ok - definition jumps to entities.toml:%d [george-robertson]"):format(header_line + 1))
vim.cmd("buffer " .. buf)

---------------------------------------------------------------------------
-- Another tool moves a folder with an article into the corpus
---------------------------------------------------------------------------

-- Neovim before 0.9 cannot watch files for the server (no dynamic
-- registration of workspace/didChangeWatchedFiles): the server watches the
-- corpus itself. The folder is made outside the corpus and moved in whole,
-- as a checkout or `mv` brings it: its article was written before any
-- watch on the folder could exist.
local staging = CORPUS .. "/../staging"
check(vim.fn.mkdir(staging .. "/late", "p") == 1, "could not create " .. staging .. "/late")
local late_article = staging .. "/late/moved-in.txt"
local fh = assert(io.open(late_article, "w"))
fh:write("Lord George Robertson flew to Brussels yesterday.\n")
fh:close()
local moved, err = os.rename(staging .. "/late", CORPUS .. "/late")
check(moved, "could not move the folder into the corpus", err)
local ref_params = vim.deepcopy(position_params)
ref_params.context = { includeDeclaration = false }
local moved_in = realpath(CORPUS .. "/late/moved-in.txt")
local function includes_moved_in(refs)
  for _, l in ipairs(refs or {}) do
    if uri_path(l.uri) == moved_in then
      return true
    end
  end
  return false
end
local last_refs
local deadline = uv.now() + TIMEOUT
repeat
  last_refs = request(buf, "textDocument/references", ref_params)
  if includes_moved_in(last_refs) then
    break
  end
  vim.wait(100)
until uv.now() > deadline
if not includes_moved_in(last_refs) then
  fail("references to " .. mention .. " never included the article moved into the corpus", last_refs)
end
out(("ok - references include late/moved-in.txt, moved into the corpus by another tool (%d locations)"):format(
  #last_refs))

---------------------------------------------------------------------------
-- Quick fix for an unannotated date
---------------------------------------------------------------------------

local target_date = expected_dates[1]
local diags_before, count_before = article_diags()
local diag = check(find_diag(diags_before, "unannotated-date", target_date.line, target_date.s, target_date.e),
  "lost the unannotated-date diagnostic", summary(diags_before))

local actions = request(buf, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = diag.range,
  context = { diagnostics = { diag } },
})
check(type(actions) == "table" and #actions > 0, ("textDocument/codeAction at the unannotated-date diagnostic "
  .. "(line %d) returned no actions"):format(target_date.line + 1), { diagnostic = diag, result = actions })

local chosen
for _, a in ipairs(actions) do
  local is_fix = type(a.kind) == "string" and (a.kind == "quickfix" or a.kind:find("^quickfix%.")) ~= nil
  local fixes_it = a.diagnostics == nil or #a.diagnostics == 0
  for _, d in ipairs(a.diagnostics or {}) do
    if code_of(d) == "unannotated-date" and same_range(d.range, diag.range) then
      fixes_it = true
    end
  end
  if is_fix and fixes_it and (chosen == nil or (a.isPreferred and not chosen.isPreferred)) then
    chosen = a
  end
end
check(chosen, "no quickfix code action for the unannotated-date diagnostic", actions)
if not chosen.edit then
  local caps = client.server_capabilities.codeActionProvider
  if type(caps) == "table" and caps.resolveProvider then
    chosen = request(buf, "codeAction/resolve", chosen)
  end
end
check(chosen.edit, "the quick fix has no workspace edit (even after codeAction/resolve)", chosen)
out(("ok - quick fix offered: %q"):format(chosen.title))

local ann_before = read_file(ANN)
vim.lsp.util.apply_workspace_edit(chosen.edit, ENC)
-- The plugin attaches the .ann buffer the edit opened (like any .ann in the
-- corpus); let it do so before writing, so the server sees the change and
-- the save, as it would when a user applies the fix and then runs :wa.
local ann_buf = vim.fn.bufnr(ANN)
check(ann_buf ~= -1, "the quick fix did not touch " .. ANN, chosen.edit)
if not wait(TIMEOUT, function()
  return gloss_client(ann_buf) ~= nil
end) then
  fail("the gloss client did not attach to " .. ANN .. " after the edit")
end
-- Write every buffer the edit touched.
for _, b in ipairs(api.nvim_list_bufs()) do
  if api.nvim_buf_is_loaded(b) and vim.bo[b].modified then
    api.nvim_buf_call(b, function()
      vim.cmd("silent write")
    end)
  end
end
local ann_after = read_file(ANN)
check(ann_after and ann_after ~= ann_before, "the quick fix did not change " .. ANN .. " on disk",
  { edit = chosen.edit, before = ann_before, after = ann_after })
check(ann_after:lower():find("yesterday", 1, true),
  "the new annotation in the .ann file should cover \"yesterday\"", ann_after)
out("ok - quick fix applied and written; " .. ANN:match("[^/]+$") .. " now reads:")
for line in ann_after:gmatch("[^\n]+") do
  out("     " .. line)
end

if not wait(TIMEOUT, function()
  local diags, count = article_diags()
  return count > count_before and find_diag(diags, "unannotated-date", target_date.line, target_date.s, target_date.e) == nil
end, 50) then
  local diags, count = article_diags()
  fail(("after the fix, the unannotated-date diagnostic at line %d, columns %d-%d was not withdrawn "
    .. "(publishes before: %d, now: %d)"):format(target_date.line + 1, target_date.s, target_date.e, count_before, count),
    summary(diags))
end
local diags_after = article_diags()
out(("ok - diagnostic withdrawn after re-publish (%d -> %d diagnostics)"):format(#diags_before, #diags_after))

out("PASS")
stop_all_clients()
vim.cmd("qall!")
