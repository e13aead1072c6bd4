-- Neovim setup for docs/neovim.png (used by test/screenshot.sh): opens an
-- article, waits for diagnostics and inlay hints, then shows the hover card
-- for "Lord George Robertson".
vim.o.termguicolors = true
vim.o.background = "dark"
pcall(vim.cmd, "colorscheme " .. (os.getenv("GLOSS_SHOT_COLORSCHEME") or "desert"))
vim.o.number = true
vim.o.wrap = true
vim.o.linebreak = true
vim.o.breakindent = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 2
vim.o.ruler = false
vim.o.showmode = false
vim.o.shortmess = vim.o.shortmess .. "F"
vim.cmd("syntax on")
vim.cmd("filetype on")
vim.cmd("highlight GlossInlayHint guifg=#8fbcbb gui=italic")
vim.cmd("highlight NormalFloat guibg=#1e2430 guifg=#e5e9f0")
vim.cmd("highlight FloatBorder guibg=#1e2430 guifg=#88c0d0")
vim.lsp.handlers["textDocument/hover"] = vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded" })

vim.diagnostic.config({
  -- Codes only, so that the inlay hints after them stay on screen.
  virtual_text = {
    prefix = "●",
    spacing = 1,
    format = function(d)
      return d.code and tostring(d.code) or d.message
    end,
  },
  underline = true,
  signs = true,
  severity_sort = true,
})

require("gloss").setup({ cmd = { os.getenv("GLOSS_BIN") or "gloss", "serve" } })

local corpus = assert(os.getenv("GLOSS_CORPUS"))
local article = corpus .. "/" .. (os.getenv("GLOSS_SHOT_ARTICLE") or "001_40905b9287ca137d.txt")
vim.cmd("cd " .. vim.fn.fnameescape(corpus))
vim.cmd("edit " .. vim.fn.fnameescape(article))
vim.o.statusline = " gloss  %t  %= %{luaeval('#vim.diagnostic.get(0)')} diagnostics "

local buf = vim.api.nvim_get_current_buf()
vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
-- Give the inlay hints a moment.
vim.wait(1500, function()
  return false
end, 50)

local target = os.getenv("GLOSS_SHOT_HOVER") or "Lord George Robertson"
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local s = line:find(target, 1, true)
  if s then
    vim.api.nvim_win_set_cursor(0, { i, s - 1 + #target - 3 })
    break
  end
end
vim.fn.winrestview({ topline = 1 })
vim.lsp.buf.hover()
vim.wait(3000, function()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= "" then
      return true
    end
  end
  return false
end, 50)
vim.cmd("redraw!")
-- Tell screenshot.sh that the screen is ready.
local ready = os.getenv("GLOSS_SHOT_READY")
if ready then
  local f = io.open(ready, "w")
  if f then
    f:write("ready\n")
    f:close()
  end
end
