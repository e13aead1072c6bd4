;;; gloss-eglot.el --- Eglot setup for gloss annotated news corpora  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, tools
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; Runs the gloss language server (`gloss serve', stdio) with Eglot for a
;; gloss corpus: plain-text articles (*.txt) with brat standoff annotations
;; (*.ann) beside them, the entity registry (entities.toml) and the manifest
;; (gloss.toml) at the corpus root.
;;
;;   (add-to-list 'load-path "/path/to/gloss/editors/emacs")
;;   (require 'gloss-eglot)
;;   (add-hook 'gloss-article-mode-hook #'eglot-ensure)
;;   (add-hook 'brat-ann-mode-hook #'eglot-ensure)
;;   (add-hook 'gloss-registry-mode-hook #'eglot-ensure)
;;
;; Provides:
;; - `brat-ann-mode' for *.ann files, with highlighting of ids, labels,
;;   offsets, references and Registry:/TIMEX3: normalizations;
;; - `gloss-article-mode' for *.txt files inside a corpus (a folder with
;;   gloss.toml or entities.toml above them; other *.txt stay `text-mode');
;; - `gloss-registry-mode' for entities.toml and gloss.toml;
;; - an `eglot-server-programs' entry running `gloss-server-command';
;; - a project.el backend so the corpus root is the Eglot workspace.

;;; Code:

(require 'eglot)
(require 'project)
(require 'conf-mode)

(defgroup gloss nil
  "Editing gloss corpora: brat standoff annotations, dates, claims, entities."
  :group 'languages
  :prefix "gloss-")

(defcustom gloss-server-command '("gloss" "serve")
  "Command line that starts the gloss language server on stdio."
  :type '(repeat string)
  :group 'gloss)

(defcustom gloss-checks nil
  "Severity per diagnostic code, overriding gloss.toml.
An alist of (CODE . SEVERITY) strings, e.g.
  ((\"unknown-entity\" . \"off\") (\"unannotated-claim\" . \"error\")).
Sent as initializationOptions and as the `gloss.checks' setting."
  :type '(alist :key-type string
                :value-type (choice (const "off") (const "hint") (const "info")
                                    (const "warning") (const "error")))
  :group 'gloss)

(defcustom gloss-root-markers '("gloss.toml" "entities.toml")
  "Files that mark the root folder of a gloss corpus, in order of preference."
  :type '(repeat string)
  :group 'gloss)

(defun gloss-root (&optional dir)
  "The gloss corpus root containing DIR (default: `default-directory'), or nil."
  (let ((dir (or dir default-directory)))
    (seq-some (lambda (marker)
                (let ((found (locate-dominating-file dir marker)))
                  (and found (file-name-as-directory (expand-file-name found)))))
              gloss-root-markers)))

(defun gloss--checks-object ()
  "`gloss-checks' as a JSON object for Eglot."
  (if gloss-checks
      (let (plist)
        (dolist (c (reverse gloss-checks) plist)
          (setq plist (cons (intern (concat ":" (car c))) (cons (cdr c) plist)))))
    (make-hash-table)))

;;;; brat standoff

(defconst brat-ann-font-lock-keywords
  `(;; T1<TAB>Label 0 5;7 9<TAB>text
    ("^\\(T[0-9]+\\)\t\\([^\t ]+\\)\\(\\( [0-9]+ [0-9]+;?\\)+\\)\t\\(.*\\)$"
     (1 font-lock-variable-name-face)
     (2 font-lock-type-face)
     (3 font-lock-constant-face)
     (5 font-lock-string-face))
    ;; N1<TAB>Reference T1 Registry:george-robertson<TAB>text
    ("^\\(N[0-9]+\\)\t\\([^\t ]+\\) \\([TER][0-9]+\\) \\(\\(Registry\\|TIMEX3\\|[^\t :]+\\):\\([^\t]*\\)\\)\\(\t\\(.*\\)\\)?$"
     (1 font-lock-variable-name-face)
     (2 font-lock-type-face)
     (3 font-lock-builtin-face)
     (5 font-lock-keyword-face)
     (6 font-lock-constant-face)
     (8 font-lock-string-face nil t))
    ;; E1<TAB>Type:T1 Role:T2, R1<TAB>Rel Arg1:T1 Arg2:T2, *<TAB>Equiv T1 T2
    ("^\\([ER][0-9]+\\|\\*\\)\t\\([^\t :]+\\)"
     (1 font-lock-variable-name-face)
     (2 font-lock-type-face)
     ("\\([^\t :]+\\):\\([TER][0-9]+\\)" nil nil
      (1 font-lock-keyword-face)
      (2 font-lock-builtin-face)))
    ;; A1<TAB>Attribute T1 [Value]
    ("^\\([AM][0-9]+\\)\t\\([^\t ]+\\) \\([TERN][0-9]+\\)\\( \\(.*\\)\\)?$"
     (1 font-lock-variable-name-face)
     (2 font-lock-type-face)
     (3 font-lock-builtin-face)
     (5 font-lock-constant-face nil t))
    ;; #1<TAB>AnnotatorNotes T1<TAB>note
    ("^\\(#[0-9]*\\)\t\\([^\t ]+\\) \\([TERAN][0-9]+\\)\\(\t\\(.*\\)\\)?$"
     (1 font-lock-comment-delimiter-face)
     (2 font-lock-type-face)
     (3 font-lock-builtin-face)
     (5 font-lock-comment-face nil t)))
  "Highlighting for brat standoff (.ann) lines.")

;;;###autoload
(define-derived-mode brat-ann-mode prog-mode "brat"
  "Major mode for brat standoff annotation files (.ann)."
  (setq-local font-lock-defaults '(brat-ann-font-lock-keywords t))
  (setq-local comment-start "#")
  (setq-local comment-start-skip "^#[0-9]*\t")
  ;; Fields are tab-separated: keep tabs.
  (setq-local indent-tabs-mode t)
  (setq-local truncate-lines t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.ann\\'" . brat-ann-mode))

;;;; Articles, registry, manifest

;;;###autoload
(define-derived-mode gloss-article-mode text-mode "gloss"
  "Major mode for articles of a gloss corpus."
  (visual-line-mode 1))

;;;###autoload
(define-derived-mode gloss-registry-mode conf-toml-mode "gloss-toml"
  "Major mode for a gloss corpus's entities.toml and gloss.toml.")

;;;###autoload
(defun gloss-maybe-article-mode ()
  "`gloss-article-mode' for a *.txt file inside a gloss corpus, else `text-mode'."
  (if (and buffer-file-name (gloss-root (file-name-directory buffer-file-name)))
      (gloss-article-mode)
    (text-mode)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.txt\\'" . gloss-maybe-article-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("/\\(entities\\|gloss\\)\\.toml\\'" . gloss-registry-mode))

;;;; project.el: the corpus root is the project

(defun gloss-project-find (dir)
  "A transient project at the gloss corpus root above DIR, if any."
  (let ((root (gloss-root dir)))
    (and root (cons 'transient root))))

(add-hook 'project-find-functions #'gloss-project-find)

;;;; Eglot

(defun gloss-eglot-contact (&optional _interactive)
  "The Eglot contact for gloss: `gloss-server-command' with initializationOptions."
  (append gloss-server-command
          (list :initializationOptions (list :checks (gloss--checks-object)))))

(add-to-list 'eglot-server-programs
             '((gloss-article-mode brat-ann-mode gloss-registry-mode) . gloss-eglot-contact))

(defun gloss--workspace-configuration (&rest _)
  "Answer for workspace/configuration, section `gloss'."
  (list :gloss (list :checks (gloss--checks-object))))

(defun gloss--setup-workspace-configuration ()
  "Make `eglot-workspace-configuration' carry `gloss-checks' in gloss buffers."
  (unless (local-variable-p 'eglot-workspace-configuration)
    (setq-local eglot-workspace-configuration (gloss--workspace-configuration))))

(dolist (hook '(gloss-article-mode-hook brat-ann-mode-hook gloss-registry-mode-hook))
  (add-hook hook #'gloss--setup-workspace-configuration))

(provide 'gloss-eglot)
;;; gloss-eglot.el ends here
