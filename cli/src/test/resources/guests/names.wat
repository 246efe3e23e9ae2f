;; A module whose names carry terminal escape codes: the export "\1b[31mboom" traps, and the
;; name section calls its function "\1b]0;pwned\07" (an escape that retitles a terminal window).
;; Built with: wat2wasm names.wat -o names.wasm, then the name section appended (wat2wasm
;; cannot name a function with control characters):
;;   printf '\000\024\004name\001\015\001\000\012\033]0;pwned\007' >> names.wasm
(module
  (func (export "\1b[31mboom") unreachable))
