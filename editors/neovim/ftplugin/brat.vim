" brat standoff: fields are separated by tabs, which must stay tabs.
if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1

setlocal noexpandtab
setlocal nowrap
setlocal commentstring=#\ %s
let b:undo_ftplugin = "setlocal expandtab< wrap< commentstring<"
