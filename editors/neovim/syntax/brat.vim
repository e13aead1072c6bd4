" Vim syntax file
" Language:    brat standoff annotations (.ann), as used by gloss
" Lines:       T1<TAB>Label START END[;START END]<TAB>text
"              E1<TAB>Type:T1 Role:T2    R1<TAB>Rel Arg1:T1 Arg2:T2
"              A1<TAB>Attr T1 [Value]    N1<TAB>Reference T1 Registry:id<TAB>text
"              #1<TAB>AnnotatorNotes T1<TAB>note

if exists("b:current_syntax")
  finish
endif

syntax match bratUnknown    /^\S.*$/

" T1<TAB>Label 0 5;7 9<TAB>text
syntax match bratId         /^T\d\+\ze\t/ nextgroup=bratTFields
syntax match bratTFields    /\t[^\t]*/ contained contains=bratLabel,bratNumber,bratSemi nextgroup=bratText
" N1<TAB>Reference T1 Registry:george-robertson<TAB>text
syntax match bratId         /^N\d\+\ze\t/ nextgroup=bratNFields
syntax match bratNFields    /\t[^\t]*/ contained contains=bratLabel,bratRef,bratNorm nextgroup=bratText
" E1<TAB>Type:T1 Role:T2 / R1<TAB>Rel Arg1:T1 Arg2:T2 / *<TAB>Equiv T1 T2
syntax match bratId         /^\([ER]\d\+\|\*\)\ze\t/ nextgroup=bratEFields
syntax match bratEFields    /\t[^\t]*/ contained contains=bratLabel,bratRole,bratRef
" A1<TAB>Attr T1 [Value]
syntax match bratId         /^[AM]\d\+\ze\t/ nextgroup=bratAFields
syntax match bratAFields    /\t[^\t]*/ contained contains=bratLabel,bratRef,bratValue
" #1<TAB>AnnotatorNotes T1<TAB>note
syntax match bratNoteId     /^#\d*\ze\t/ nextgroup=bratNoteFields
syntax match bratNoteFields /\t[^\t]*/ contained contains=bratLabel,bratRef nextgroup=bratNote

syntax match bratLabel      /\t\zs[^\t :]\+/ contained
syntax match bratNumber     /\<\d\+\>/ contained
syntax match bratSemi       /;/ contained
syntax match bratRole       /[^\t :]\+\ze:[TER]\d\+\>/ contained
syntax match bratRef        /\(\s\|:\)\zs[TERAN]\d\+\>/ contained
syntax match bratValue      /\s[TERN]\d\+\s\zs\S\+/ contained
syntax match bratNorm       /\s\zs[A-Za-z][A-Za-z0-9_-]*:\S\+/ contained contains=bratRegistry,bratTimex,bratNormValue
syntax match bratRegistry   /\<Registry\ze:/ contained
syntax match bratTimex      /\<TIMEX3\ze:/ contained
syntax match bratNormValue  /:\zs\S\+/ contained
syntax match bratText       /\t.*$/ contained
syntax match bratNote       /\t.*$/ contained

highlight default link bratUnknown   Error
highlight default link bratId        Identifier
highlight default link bratValue     Constant
highlight default link bratNoteId    Comment
highlight default link bratLabel     Type
highlight default link bratNumber    Number
highlight default link bratSemi      Delimiter
highlight default link bratRole      Keyword
highlight default link bratRef       Special
highlight default link bratRegistry  Structure
highlight default link bratTimex     Structure
highlight default link bratNormValue Constant
highlight default link bratText      String
highlight default link bratNote      Comment

let b:current_syntax = "brat"
