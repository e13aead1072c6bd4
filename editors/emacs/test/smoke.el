;;; smoke.el --- gloss-eglot.el against a real gloss server  -*- lexical-binding: t; -*-

;; Run by smoke.sh: opens seeds/001 (without its .ann file) in
;; gloss-article-mode, connects Eglot with the contact from gloss-eglot.el,
;; and checks the diagnostics and a hover. Exits 0 on success.

(require 'gloss-eglot)
(require 'flymake)

(defun gloss-smoke-fail (fmt &rest args)
  (princ (concat "emacs: FAIL: " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(defun gloss-smoke-ok (fmt &rest args)
  (princ (concat "emacs: ok - " (apply #'format fmt args) "\n")))

(defun gloss-smoke-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall pred)))

(setq eglot-sync-connect 20)
(let* ((corpus (file-name-as-directory (getenv "GLOSS_CORPUS")))
       (file (expand-file-name "001_40905b9287ca137d.txt" corpus)))
  (find-file file)
  (unless (eq major-mode 'gloss-article-mode)
    (gloss-smoke-fail "%s opened in %s, not gloss-article-mode" file major-mode))
  (unless (equal (gloss-root) corpus)
    (gloss-smoke-fail "corpus root %S, expected %S" (gloss-root) corpus))
  (let ((contact (eglot--guess-contact)))
    (unless (equal (seq-take (nth 3 contact) 2) '("gloss" "serve"))
      (gloss-smoke-fail "eglot contact %S does not start with (\"gloss\" \"serve\")" (nth 3 contact)))
    (apply #'eglot contact))
  (unless (eglot-current-server)
    (gloss-smoke-fail "eglot did not connect"))
  (gloss-smoke-ok "eglot connected: %S" (process-command (jsonrpc--process (eglot-current-server))))

  ;; Every "yesterday" must carry an unannotated-date diagnostic.
  (let (expected)
    (save-excursion
      (goto-char (point-min))
      (let ((case-fold-search t))
        (while (re-search-forward "\\byesterday\\b" nil t)
          (push (line-number-at-pos (match-beginning 0)) expected))))
    (setq expected (nreverse expected))
    (let ((found-all
           (lambda ()
             (let ((lines (mapcar (lambda (d)
                                    (and (string-match-p "unannotated-date" (flymake-diagnostic-text d))
                                         (line-number-at-pos (flymake-diagnostic-beg d))))
                                  (flymake-diagnostics))))
               (seq-every-p (lambda (l) (memq l lines)) expected)))))
      (unless (gloss-smoke-wait found-all 30)
        (gloss-smoke-fail "no unannotated-date diagnostics on lines %S; got: %S" expected
                          (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
      (gloss-smoke-ok "unannotated-date on lines %S (%d diagnostics)" expected (length (flymake-diagnostics)))))

  ;; Hover on "Lord George Robertson".
  (goto-char (point-min))
  (unless (search-forward "Lord George Robertson" nil t)
    (gloss-smoke-fail "the article does not mention Lord George Robertson"))
  (backward-char 3)
  (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents))
         (text (format "%s" (if (stringp contents) contents (or (plist-get contents :value) contents)))))
    (unless (string-match-p "NATO Secretary General" text)
      (gloss-smoke-fail "hover card does not mention NATO Secretary General: %s" text))
    (gloss-smoke-ok "hover on Lord George Robertson mentions NATO Secretary General"))

  (eglot-shutdown (eglot-current-server))
  (princ "emacs: PASS\n")
  (kill-emacs 0))
