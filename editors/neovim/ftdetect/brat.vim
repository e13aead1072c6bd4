" brat standoff annotation files, as used by gloss corpora.
autocmd BufRead,BufNewFile *.ann setfiletype brat
